import { AuthService, type Principal } from '@suara/identity';

/** How long a confirmed account stays confirmed: a burst of events costs one query, not one each. */
const RECHECK_AFTER_MS = 1_000;

/** setTimeout's ceiling (about 24 days); later expiries are caught by the check on each event. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A staff member's WebSocket connection. It lives while the token is unexpired
 * and the account active: the connection is closed when the token expires, and
 * every event is delivered only after checking the account again, so
 * deactivating someone ends their live queue too.
 */
export class WsSession {
  private confirmed?: { at: number; valid: Promise<boolean> };
  private readonly timer?: NodeJS.Timeout;

  private constructor(
    private readonly auth: AuthService,
    readonly authorization: string,
    readonly principal: Principal,
    private readonly expiresAt: number,
    onExpiry: () => void,
  ) {
    const remaining = expiresAt - Date.now();
    if (remaining <= MAX_TIMER_MS) this.timer = setTimeout(onExpiry, Math.max(remaining, 0));
  }

  /** The session of a connection's `authorization` parameter; undefined if it is not a valid staff token. */
  static async open(
    auth: AuthService,
    authorization: unknown,
    onExpiry: () => void,
  ): Promise<WsSession | undefined> {
    if (typeof authorization !== 'string') return undefined;
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) return undefined;
    const principal = await auth.authenticate(token).catch(() => undefined);
    if (!principal) return undefined;
    const session = new WsSession(auth, authorization, principal, expiryOf(token), onExpiry);
    session.confirmed = { at: Date.now(), valid: Promise.resolve(true) };
    return session;
  }

  /** Whether the token is still unexpired and the account still active. */
  isValid(): Promise<boolean> {
    if (Date.now() >= this.expiresAt) return Promise.resolve(false);
    if (!this.confirmed || Date.now() - this.confirmed.at >= RECHECK_AFTER_MS) {
      const token = this.authorization.split(' ')[1];
      this.confirmed = {
        at: Date.now(),
        valid: this.auth.authenticate(token).then(
          () => true,
          () => false,
        ),
      };
    }
    return this.confirmed.valid;
  }

  end(): void {
    clearTimeout(this.timer);
  }
}

/** The `exp` of a token AuthService has just verified, in ms; a token without one never expires by time. */
function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : Infinity;
  } catch {
    return Infinity;
  }
}
