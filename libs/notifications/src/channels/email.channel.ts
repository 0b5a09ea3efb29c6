import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import { SuaraConfig } from '@suara/core';
import {
  type ContactAddresses,
  DeliveryFailure,
  type NotificationChannel,
  type OutgoingMessage,
} from './notification-channel.js';

type Mail = ReturnType<typeof createTransport>;

/**
 * E-mail over SMTP (SMTP_URL). Without it, each message is written as an .eml
 * file to MAIL_OUTBOX_DIR, so development and demos keep every message where a
 * developer can open it, and nothing leaves the machine.
 */
@Injectable()
export class EmailChannel implements NotificationChannel, OnApplicationShutdown {
  readonly name = 'EMAIL';
  private smtp?: Mail;
  private files?: Mail;

  constructor(private readonly config: SuaraConfig) {}

  addressOf(contact: ContactAddresses): string | undefined {
    return contact.email ?? undefined;
  }

  async send(to: string, message: OutgoingMessage): Promise<void> {
    const mail = {
      from: this.config.env.MAIL_FROM,
      to,
      subject: message.subject,
      text: message.text,
      // The same notice always has the same Message-ID, so a mail client that
      // receives it twice (see the README's note on the residual window) shows it once.
      messageId: `<${message.key.replaceAll(':', '.')}@${new URL(this.config.env.PUBLIC_BASE_URL).hostname}>`,
      headers: {
        'List-Unsubscribe': `<${message.stopUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
      },
    };
    if (!this.config.env.SMTP_URL) return this.keep(mail, message);
    try {
      await this.transport().sendMail(mail);
    } catch (error) {
      throw failureOf(error);
    }
  }

  private transport(): Mail {
    // Short timeouts: the send runs inside the transaction that records it.
    this.smtp ??= createTransport({
      url: this.config.env.SMTP_URL,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      logger: false,
    });
    return this.smtp;
  }

  /** The development outbox: one file per notice, named by it, so a repeat overwrites. */
  private async keep(mail: Parameters<Mail['sendMail']>[0], message: OutgoingMessage) {
    this.files ??= createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = await this.files.sendMail(mail);
    const dir = resolve(this.config.env.MAIL_OUTBOX_DIR);
    await mkdir(dir, { recursive: true });
    const stamp = message.at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    await writeFile(
      join(dir, `${stamp}-${message.key.replaceAll(':', '-')}.eml`),
      info.message as Buffer,
    );
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}

/**
 * The server's answer without the address it may quote. Only an address nodemailer
 * itself refuses is permanent: a 5xx from the server may as well be our own
 * misconfiguration (relaying denied, authentication required), and giving up on it
 * would drop every message until someone noticed; retrying a truly bad address
 * costs a few attempts.
 */
function failureOf(error: unknown): DeliveryFailure {
  const e = error as { code?: string; responseCode?: number; command?: string };
  const reply = e.responseCode ? ` ${e.responseCode}` : '';
  const during = e.command ? ` during ${e.command}` : '';
  return new DeliveryFailure(
    `SMTP delivery failed (${e.code ?? 'error'}${reply}${during})`,
    e.code === 'EENVELOPE',
  );
}
