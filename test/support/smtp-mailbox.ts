import { SMTPServer } from 'smtp-server';
import { freePort } from '@suara/testing';

export interface ReceivedMail {
  to: string[];
  headers: Record<string, string>;
  subject: string;
  /** The plain-text body, transfer encoding undone. */
  text: string;
}

/**
 * A real SMTP server in this process, as the worker meets one: it can be stopped
 * and started again on the same port (an outage), and can hold new connections
 * before its greeting (a send in flight). Only what it accepted is in `messages`.
 */
export class SmtpMailbox {
  readonly messages: ReceivedMail[] = [];
  /** New connections wait here before the greeting while `holding`. */
  holding = false;
  readonly held: Array<() => void> = [];
  private server?: SMTPServer;

  private constructor(readonly port: number) {}

  static async start(): Promise<SmtpMailbox> {
    const mailbox = new SmtpMailbox(await freePort());
    await mailbox.listen();
    return mailbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onConnect: (_session, callback) => {
        if (this.holding) this.held.push(() => callback());
        else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.messages.push(
            parse(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  /** An outage: refuses connections until listen() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.slice(split + 4);
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  if (encoding === 'quoted-printable') {
    body = Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { to, headers, subject: headers.subject ?? '', text: body.replace(/\r\n/g, '\n') };
}
