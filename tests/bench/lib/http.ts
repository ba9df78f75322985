import http from 'node:http';

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

export interface RequestOptions {
  /** An object is sent as JSON; a string or Buffer is sent as is (for malformed bodies). */
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Skip JSON.parse of the answer (timing loops measure the server, not the client's parser). */
  raw?: boolean;
}

/**
 * A minimal HTTP client over keep-alive sockets to one loopback server. Plain node:http so it works
 * the same under tsx and under Jest, and so malformed bodies can be sent byte for byte.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly base: URL;
  /**
   * Requests sent again because a kept-alive socket turned out to be closed by the server just as it
   * was reused (the race Node's docs describe for `req.reusedSocket`). The request never reached the
   * server's handlers, so sending it again is what every HTTP client does; tests report the count.
   */
  staleSocketRetries = 0;
  /** How long each of those sockets had been idle in the pool: about the server's keep-alive timeout if it is that race. */
  readonly staleSocketIdleMs: number[] = [];
  private readonly freedAt = new WeakMap<object, number>();

  constructor(baseUrl: string, maxSockets = 256) {
    this.base = new URL(baseUrl);
    // Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout closes them,
    // which narrows the window for the race described above.
    this.agent = new http.Agent({ keepAlive: true, maxSockets, timeout: 4000 });
    this.agent.on('free', (socket: object) => this.freedAt.set(socket, Date.now()));
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.requestOnce(method, path, options);
      } catch (error) {
        // The pool may hold several sockets the server closed at once; each failure discards one.
        if (!(error instanceof StaleSocketError) || attempt >= 5) throw error;
        this.staleSocketRetries += 1;
      }
    }
  }

  private requestOnce(method: string, path: string, options: RequestOptions): Promise<HttpResult> {
    const { body, headers = {}, timeoutMs = 30_000, raw = false } = options;
    let payload: Buffer | undefined;
    const sentHeaders: Record<string, string> = { ...headers };
    if (body !== undefined) {
      if (Buffer.isBuffer(body)) payload = body;
      else if (typeof body === 'string') payload = Buffer.from(body, 'utf8');
      else {
        payload = Buffer.from(JSON.stringify(body), 'utf8');
        sentHeaders['content-type'] ??= 'application/json';
      }
      sentHeaders['content-length'] ??= String(payload.length);
    }
    return new Promise<HttpResult>((resolve, reject) => {
      let responded = false;
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, method, path, headers: sentHeaders, agent: this.agent },
        (res) => {
          responded = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = text === '' || raw ? undefined : (JSON.parse(text) as unknown);
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
      let idleBefore = Number.NaN;
      req.on('socket', (socket) => {
        const freed = this.freedAt.get(socket);
        idleBefore = freed === undefined ? Number.NaN : Date.now() - freed;
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        const stale =
          req.reusedSocket && !responded && (error.code === 'ECONNRESET' || error.message === 'socket hang up');
        if (stale) this.staleSocketIdleMs.push(idleBefore);
        reject(stale ? new StaleSocketError(error) : error);
      });
      if (payload) req.end(payload);
      else req.end();
    });
  }

  get(path: string, headers?: Record<string, string>): Promise<HttpResult> {
    return this.request('GET', path, { headers });
  }

  post(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpResult> {
    return this.request('POST', path, { body, headers });
  }

  close(): void {
    this.agent.destroy();
  }
}

class StaleSocketError extends Error {
  constructor(readonly original: Error) {
    super(`stale keep-alive socket: ${original.message}`);
  }
}
