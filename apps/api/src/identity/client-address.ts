/**
 * The address failed logins are counted against: Express's `req.ip`, which
 * honours the `trust proxy` setting, else the socket's peer.
 */
export function clientAddressOf(req: { ip?: string; socket?: { remoteAddress?: string } }): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}
