import { type Server, createServer, request } from 'node:http';
import { once } from 'node:events';

/**
 * A reverse proxy as nginx's `proxy_add_x_forwarded_for` behaves: it appends the
 * address its client connected from to whatever X-Forwarded-For the client sent.
 * `clientAddress` stands in for that address, so one test machine can play
 * clients at different addresses.
 */
export async function startForwardingProxy(
  target: string,
  clientAddress: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const sent = req.headers['x-forwarded-for'];
    const forwarded = sent ? `${String(sent)}, ${clientAddress}` : clientAddress;
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwarded },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
