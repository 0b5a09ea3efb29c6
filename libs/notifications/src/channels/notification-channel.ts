/** How the citizen can be reached, as read from reporter_contact when a message leaves. */
export interface ContactAddresses {
  email?: string | null;
  phone?: string | null;
}

/** One message to one citizen, composed for any channel; each channel renders what it can. */
export interface OutgoingMessage {
  /** The notice's key; channels use it to make a repeated send recognisable as the same message. */
  key: string;
  subject: string;
  /** Plain text, Indonesian; short enough for an SMS gateway that splits it. */
  text: string;
  /** The status page of the report. */
  statusUrl: string;
  /** One request stops further messages about the report (RFC 8058 for e-mail). */
  stopUrl: string;
  /** When the change happened; orders files in development. */
  at: Date;
}

/**
 * A way of reaching citizens: e-mail first; an SMS or WhatsApp gateway is one
 * more implementation listed in NOTIFICATION_CHANNELS. The first channel that
 * finds an address in the contact is used, so the order is the preference.
 */
export interface NotificationChannel {
  /** Stored with each notification sent; at most 16 characters. */
  readonly name: string;
  /** The contact's address on this channel, if they left one. */
  addressOf(contact: ContactAddresses): string | undefined;
  /**
   * Hands the message over, resolving once the gateway accepted it. Fails with
   * DeliveryFailure, whose message never contains the address.
   */
  send(to: string, message: OutgoingMessage): Promise<void>;
}

/** The channels, in order of preference. */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

/**
 * A message that did not leave. `permanent` when trying again cannot help (the
 * server refused the address); otherwise the job is retried with backoff. The
 * text is meant for logs and the job's failure record, so it names no address:
 * those outlive the contact's erasure.
 */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}
