import { type Browser, type Page, chromium } from 'playwright-core';

/** Debian's Chromium, headless, as the citizen-page tests drive it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A page on a phone-sized screen (390 px), in Indonesian. */
export async function phonePage(browser: Browser, width = 390): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 844 },
    locale: 'id-ID',
    hasTouch: width < 800,
    isMobile: width < 800,
  });
  return context.newPage();
}
