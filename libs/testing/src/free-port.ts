import { createServer } from 'node:net';

/**
 * A port for a private server that nothing listens on now, below Linux's
 * ephemeral range (32768 and up): a port picked in that range can be taken at
 * any moment by an outgoing connection, of which parallel test files open many.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('No free port found between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
