import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EndpointReply {
  status: number;
  body: unknown;
  /** Default application/json (the body is JSON-encoded); anything else sends `body` as a string. */
  contentType?: string;
}

export type EndpointHandler = (req: IncomingMessage) => Promise<EndpointReply> | EndpointReply;

/**
 * A tiny HTTP server for a process that has no other (the worker): probes now, `/metrics` later.
 * Routes are exact `GET` paths; anything else is 404. Plain `node:http` so it stays up whatever
 * Nest, PostgreSQL or Redis are doing, and answers in microseconds for a liveness probe.
 */
export class HttpEndpoint {
  private readonly routes = new Map<string, EndpointHandler>();
  private server: Server | undefined;

  /** Adds (or replaces) the handler for `GET path`. May be called before or after `listen`. */
  get(path: string, handler: EndpointHandler): this {
    this.routes.set(path, handler);
    return this;
  }

  async listen(port: number, host: string): Promise<number> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return this.port();
  }

  /** The port it listens on (the real one when started on port 0). */
  port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const handler = req.method === 'GET' ? this.routes.get((req.url ?? '/').split('?')[0] as string) : undefined;
    let reply: EndpointReply;
    try {
      reply = handler ? await handler(req) : { status: 404, body: { error: 'not found' } };
    } catch {
      // The reason belongs in the process's own log, not in an unauthenticated answer.
      reply = { status: 500, body: { error: 'internal error' } };
    }
    const json = (reply.contentType ?? 'application/json') === 'application/json';
    res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json', 'cache-control': 'no-store' });
    res.end(json ? JSON.stringify(reply.body) : String(reply.body));
  }
}
