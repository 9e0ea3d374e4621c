import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
  /** Body bytes the client had written when the response arrived. */
  sentWhenAnswered: number;
}

export interface RawRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Stream this many filler bytes instead of `body` (in 64 kB chunks, stopping once answered). */
  streamBytes?: number;
  /** Leave Content-Length out (chunked transfer encoding). */
  chunked?: boolean;
}

/**
 * One HTTP request through node:http with no client-side normalising: raw URLs (bad
 * percent-encoding reaches the server as typed), exact bytes, and bodies that are still being
 * sent when the server answers (fetch reports those as network errors).
 */
export function rawRequest(baseUrl: string, path: string, opts: RawRequestOptions = {}): Promise<RawResponse> {
  const u = new URL(baseUrl);
  const body = typeof opts.body === 'string' ? Buffer.from(opts.body, 'utf8') : opts.body;
  const headers: Record<string, string | number> = { ...opts.headers };
  const length = opts.streamBytes ?? body?.length;
  if (length !== undefined && !opts.chunked) headers['content-length'] = length;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    // why: a keep-alive connection, as browsers use. With `Connection: close` (Node's default
    // without an agent) a server that answers early closes the socket while the client is still
    // sending, and the client sees EPIPE instead of the answer.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const req = http.request({ host: u.hostname, port: u.port, method: opts.method ?? 'GET', path, headers, agent });
    req.on('close', () => agent.destroy());
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, sentWhenAnswered });
      });
      res.on('error', reject);
    });
    // why: the server may close the connection while the client is still sending an oversized body.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const expectContinue = Object.entries(headers).some(([k, v]) => k.toLowerCase() === 'expect' && v === '100-continue');
    if (opts.streamBytes !== undefined) {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!answered && sent < opts.streamBytes!) {
          const n = Math.min(chunk.length, opts.streamBytes! - sent);
          sent += n;
          if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      if (expectContinue) req.once('continue', pump);
      else pump();
    } else {
      const send = () => {
        if (body) {
          sent = body.length;
          req.write(body);
        }
        req.end();
      };
      if (expectContinue) req.once('continue', send);
      else send();
    }
  });
}

/** The server's resident memory in bytes (Linux /proc). */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb * 1024;
}
