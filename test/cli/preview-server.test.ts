/**
 * The preview server serves only the build it holds in memory, only on
 * 127.0.0.1, and tells pages about builds by Server-Sent Events.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewServer, siteKey } from '../../src/cli/preview-server.js';

describe('siteKey: request paths that stay inside the build', () => {
  it('maps folders to their index.html and files to themselves', () => {
    expect(siteKey('/')).toBe('index.html');
    expect(siteKey('/qingdao-briefing/')).toBe('qingdao-briefing/index.html');
    expect(siteKey('/qingdao-briefing/images/ab.png?x=1')).toBe('qingdao-briefing/images/ab.png');
    expect(siteKey('/%E9%9D%92%E5%B2%9B/')).toBe('青岛/index.html');
  });

  it('refuses traversal, encoded traversal, absolute and Windows paths', () => {
    for (const p of [
      '/../etc/passwd',
      '/a/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/a/%2E%2E/b',
      '/a%2f..%2f..%2fetc%2fpasswd',
      '/a%5c..%5cb',
      '/a\\..\\b',
      '//etc/passwd',
      '/C:/Windows/win.ini',
      '/c%3a/x',
      '/./index.html',
      '/a/%00',
      '/%E0%A4%A',
      'etc/passwd',
    ]) {
      expect(siteKey(p), p).toBeUndefined();
    }
  });
});

function request(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    // http.request sends the path as given (fetch would normalise the dots away).
    const req = http.request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('PreviewServer', () => {
  const server = new PreviewServer('/deck/');
  let port = 0;
  beforeAll(async () => {
    port = await server.listen(0);
    server.publish(new Map([['deck/index.html', Buffer.from('<p>deck</p>')], ['deck/images/a.png', Buffer.from('png')]]), 'v1');
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 only and serves what it holds', async () => {
    expect((server as unknown as { server: http.Server }).server.address()).toMatchObject({ address: '127.0.0.1' });
    const home = await request(port, '/');
    expect(home.status).toBe(302);
    const page = await request(port, '/deck/');
    expect(page).toMatchObject({ status: 200, body: '<p>deck</p>', type: 'text/html; charset=utf-8' });
    expect((await request(port, '/deck/images/a.png')).type).toBe('image/png');
  });

  it('never serves anything else: traversal, encoded traversal, absolute paths, files on disk', async () => {
    for (const p of ['/../../../../etc/passwd', '/deck/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/deck/..%2f..%2fetc/passwd', '//etc/passwd', '/C:/Windows/win.ini', '/deck/%5c..%5c..%5cetc', '/package.json', '/data/sources.yaml', '/etc/passwd']) {
      const r = await request(port, p);
      expect([400, 404], p).toContain(r.status);
      expect(r.body).not.toMatch(/root:|"name"/);
    }
  });

  it('answers only to its own host name (no DNS rebinding) and only GET/HEAD', async () => {
    expect((await request(port, '/deck/', { Host: 'evil.example:80' })).status).toBe(403);
    expect((await request(port, '/deck/', { Host: `localhost:${port}` })).status).toBe(200);
  });

  it('streams hello, reload and failed events', async () => {
    const events: string[] = [];
    const res = await new Promise<http.IncomingMessage>((resolve) => http.get({ host: '127.0.0.1', port, path: '/__events' }, resolve));
    res.setEncoding('utf8');
    res.on('data', (d: string) => events.push(d));
    await expect.poll(() => events.join('')).toContain('event: hello\ndata: v1');
    server.fail({ title: '生成失败', message: 'data/a.yaml:3: 错误\n第二行 </script>' });
    await expect.poll(() => events.join('')).toContain('event: failed');
    const failed = /event: failed\ndata: (.*)\n\n/.exec(events.join(''))!;
    expect(JSON.parse(failed[1])).toEqual({ title: '生成失败', message: 'data/a.yaml:3: 错误\n第二行 </script>' });
    // Still the last good page underneath.
    expect((await request(port, '/deck/')).body).toBe('<p>deck</p>');
    server.publish(new Map([['deck/index.html', Buffer.from('<p>new</p>')]]), 'v2');
    await expect.poll(() => events.join('')).toContain('event: reload\ndata: v2');
    res.destroy();
  });
});
