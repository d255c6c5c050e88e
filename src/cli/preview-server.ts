/**
 * The preview's HTTP server: 127.0.0.1 only, serving the latest good build
 * from memory (never the file system, so nothing outside the build can be
 * reached) and a Server-Sent Events stream that tells open pages to reload
 * after a good build or to show the error over the page after a broken one.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const EVENTS_PATH = '/__events';
const KEEPALIVE_MS = 15_000;

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', png: 'image/png', json: 'application/json; charset=utf-8' };

/**
 * The build file a request path names, or undefined for anything that tries
 * to leave it: `..` or `.` segments (plain or percent-encoded), backslashes,
 * encoded slashes, NUL, a drive letter or an empty segment (`//etc/passwd`).
 */
export function siteKey(rawPath: string): string | undefined {
  const pathOnly = rawPath.split(/[?#]/)[0];
  if (!pathOnly.startsWith('/') || /%2f|%5c|%00|\\|\0/i.test(pathOnly)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return undefined;
  }
  const segments = decoded.slice(1).split('/');
  const last = segments.length - 1;
  for (const [i, s] of segments.entries()) {
    if (s === '' && i === last) continue; // a folder: its index.html
    if (s === '' || s === '.' || s === '..' || /^[a-zA-Z]:$/.test(s) || /[\0\\]/.test(s)) return undefined;
  }
  const key = segments.join('/');
  return key === '' || key.endsWith('/') ? `${key}index.html` : key;
}

export interface PreviewFailure {
  title: string;
  message: string;
}

export class PreviewServer {
  private files = new Map<string, Buffer>();
  private version = '';
  private failure: PreviewFailure | undefined;
  private readonly clients = new Set<http.ServerResponse>();
  private readonly server: http.Server;
  private keepalive: NodeJS.Timeout | undefined;
  port = 0;

  /** `home`: where `/` leads (the first document's folder). */
  constructor(private home = '/') {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  /** Listen on 127.0.0.1; port 0 takes a free one. Resolves with the port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        this.keepalive = setInterval(() => this.broadcast(': keepalive\n\n'), KEEPALIVE_MS);
        resolve(this.port);
      });
    });
  }

  setHome(home: string): void {
    this.home = home;
  }

  /** A good build: it replaces the site and every open page reloads. */
  publish(files: Map<string, Buffer>, version: string): void {
    this.files = files;
    this.version = version;
    this.failure = undefined;
    this.broadcast(`event: reload\ndata: ${version}\n\n`);
  }

  /** A broken build: the last good site stays; pages show the error over it. */
  fail(failure: PreviewFailure): void {
    this.failure = failure;
    this.broadcast(this.failedEvent());
  }

  close(): Promise<void> {
    clearInterval(this.keepalive);
    for (const c of this.clients) c.end();
    this.clients.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private failedEvent(): string {
    // JSON keeps the message on one data line whatever it holds.
    return `event: failed\ndata: ${JSON.stringify(this.failure)}\n\n`;
  }

  private broadcast(chunk: string): void {
    for (const c of this.clients) c.write(chunk);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    // Another site's page must not read the preview through a name that resolves here (DNS rebinding).
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) return send(403, 'forbidden');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', undefined, { Allow: 'GET, HEAD' });
    const url = req.url ?? '/';
    if (url.split('?')[0] === EVENTS_PATH) return this.events(req, res);
    if (url === '/' && this.home !== '/') return send(302, '', undefined, { Location: this.home });
    const key = siteKey(url);
    if (key === undefined) return send(400, 'bad path');
    const file = this.files.get(key);
    if (file) return send(200, file, TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream');
    if (!this.files.size && this.failure) return send(200, waitingPage(this.failure), TYPES.html);
    return send(404, 'not found');
  }

  private events(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(`retry: 1000\nevent: hello\ndata: ${this.version}\n\n`);
    if (this.failure) res.write(this.failedEvent());
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Before the first good build there is no page to lay the error over: a plain one that checks again every 2 s. */
function waitingPage(f: PreviewFailure): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>gen-report</title></head><body style="font:15px/1.6 sans-serif;margin:10vh auto;max-width:900px"><div id="gr-error" role="alert"><h2 style="color:#c00000">${escapeHtml(f.title)}</h2><pre style="white-space:pre-wrap">${escapeHtml(f.message)}</pre></div></body></html>`;
}
