import { Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@suara/core';
import { NotificationPreferences } from '@suara/notifications';
import { stopDone, stopOffer, stopRefused } from './stop-page.js';

// No scripts at all; the form posts back here.
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The stop link of every message (`List-Unsubscribe`). GET shows a button and
 * changes nothing, since mail scanners open links; POST stops, which is also
 * what a mail client's one-click unsubscribe sends (RFC 8058).
 */
@Controller('berhenti')
export class StopNotificationsController {
  constructor(private readonly preferences: NotificationPreferences) {}

  @Get()
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-store')
  async offer(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      await this.preferences.checkStopLink(asToken(token));
      return stopOffer(token as string);
    });
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-store')
  async stop(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      await this.preferences.stop(asToken(token));
      return stopDone();
    });
  }

  private async answer(res: Response, render: () => Promise<string>): Promise<void> {
    try {
      res.type('html').send(await render());
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      res.status(400).type('html').send(stopRefused(error.message));
    }
  }
}

/** A repeated parameter arrives as a list: that is no token. */
const asToken = (value: unknown) => (typeof value === 'string' ? value : undefined);
