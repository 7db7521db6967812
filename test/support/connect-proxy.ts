import { once } from 'node:events';
import { createServer, type Server, Socket } from 'node:net';

/**
 * A loopback HTTP CONNECT proxy, as a bank's forced egress would be: it tunnels each CONNECT to
 * its target and records the targets, so a test sees which traffic went through it.
 */
export type ConnectProxy = { url: string; targets: string[]; close(): Promise<void> };

export const startConnectProxy = async (): Promise<ConnectProxy> => {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.once('data', (head) => {
      const request = head.toString('latin1');
      const match = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.[01]\r\n/.exec(request);
      if (!match) {
        client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
        return;
      }
      const [, host = '', port = '0'] = match;
      targets.push(`${host}:${port}`);
      const upstream = new Socket();
      sockets.add(upstream);
      upstream.once('close', () => sockets.delete(upstream));
      upstream.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        // Anything the client sent after the CONNECT head goes upstream too.
        const rest = head.subarray(head.indexOf('\r\n\r\n') + 4);
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};
