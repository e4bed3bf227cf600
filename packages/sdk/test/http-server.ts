// A real HTTP server on 127.0.0.1 for tests, around a fetch-style handler (the reference server's
// `app.fetch`, or a gateway in front of it). Node's http module, so requests cross a real socket.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpServer {
  url: string;
  close(): Promise<void>;
}

export async function serveFetch(handler: (request: Request) => Promise<Response>): Promise<HttpServer> {
  const server = createServer(async (req, res) => {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    try {
      const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }));
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, response.statusText, Object.fromEntries(response.headers));
      res.end(body);
    } catch {
      res.destroy(); // the connection drops: what a client sees of a crashed server
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
