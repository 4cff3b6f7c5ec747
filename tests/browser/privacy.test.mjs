// Privacy and CSP: every request stays on the page's own origin, the server sends the
// policy, and no page breaks it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SITE_PAGES, launchBrowser, openPage, startServer } from './helpers.mjs';

describe('privacy and content security policy', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const { path, ready } of SITE_PAGES) {
    test(`${path}: no request leaves the origin and nothing violates the CSP`, async () => {
      const { page, requests, problems, response, context } = await openPage(browser, `${server.origin}${path}`);
      await ready(page);
      await page.waitForLoadState('networkidle');
      assert.ok(response.headers()['content-security-policy']?.includes("default-src 'self'"));
      assert.ok(requests.length > 0);
      const elsewhere = requests.filter((url) => new URL(url).origin !== server.origin);
      assert.deepEqual(elsewhere, [], 'requests to another origin');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('the server sends WebAssembly as application/wasm, compressed, with the security headers', async () => {
    const response = await fetch(`${server.origin}/pkg/kizuki_checklist_bg.wasm`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/wasm');
    assert.match(response.headers.get('content-encoding') ?? '', /^(br|gzip)$/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.match(response.headers.get('content-security-policy'), /'wasm-unsafe-eval'/);
    const js = await fetch(`${server.origin}/kizuki.js`);
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
    const json = await fetch(`${server.origin}/content/mh-checklist.json`);
    assert.equal(json.headers.get('content-type'), 'application/json');
  });
});
