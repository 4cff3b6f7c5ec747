// A plain static host: every file sent as it is on disk, no compression (the embed guide's
// "plain host"). kizuki.js then asks for the build's gzip copy of the large files (the wasm,
// the pack) and unpacks it itself (fetchSmall in www/kizuki.js); these tests hold that it
// does, that a host without the copies or with a copy of another file still shows the kit,
// and that a host which compresses is never asked for a copy.

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { DIST, copyWithoutCompressed, launchBrowser, readPack, startServer, widgetTitle, withPlainHost } from './helpers.mjs';

/**
 * Opens a checklist page on `origin` (its own page, or `path`, answered with `html` when the
 * host has no such file); returns the paths asked for from the start, and its title.
 */
async function openChecklist(browser, origin, { path = '/checklist.html', html = null } = {}) {
  const context = await browser.newContext({ locale: 'ja-JP', serviceWorkers: 'block' });
  const page = await context.newPage();
  const asked = [];
  const errors = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  page.on('pageerror', (error) => errors.push(error.message));
  if (html) await page.route(`${origin}${path}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${origin}${path}`);
  const title = await widgetTitle(page, 'kizuki-kit');
  const count = (path) => asked.filter((p) => p === path).length;
  return { context, page, asked, count, errors, title };
}

const WASM = '/pkg/kizuki_checklist_bg.wasm';
const PACK = '/content/mh-checklist.ja.json';

describe('a plain host', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  test("the widget takes the build's gzip copies of its wasm and pack and shows the kit", async () => {
    await withPlainHost(DIST, async (host) => {
      const { context, page, count, errors, title } = await openChecklist(browser, host.origin);
      assert.equal(title, readPack('checklist').title.ja);
      assert.deepEqual(errors, []);
      assert.equal(count(`${WASM}.gz`), 1, 'the wasm asked for as its .gz copy');
      assert.equal(count(`${PACK}.gz`), 1, 'the pack asked for as its .gz copy');
      // The copies were used: the plain files were not asked for a second time.
      assert.equal(count(WASM), 1);
      assert.equal(count(PACK), 1);
      // A small file is read as sent.
      assert.equal(count('/kizuki.js.gz'), 0);
      // And the kit works: an answer is kept.
      await page.locator('kizuki-kit input[type="radio"]').first().check();
      await context.close();
    });
  });

  test("after a failed first load, 「もう一度読み込む」 takes the pack's copy too", async () => {
    await withPlainHost(DIST, async (host) => {
      const context = await browser.newContext({ locale: 'ja-JP', serviceWorkers: 'block' });
      const page = await context.newPage();
      const asked = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      // The first request of the pack fails (the line dropped), the rest go through.
      let failed = false;
      await page.route(`${host.origin}${PACK}`, (route) => {
        if (failed) return route.continue();
        failed = true;
        return route.abort('internetdisconnected');
      });
      await page.goto(`${host.origin}/checklist.html`);
      const error = page.locator('kizuki-kit .kizuki-error[role="alert"]');
      await error.waitFor();
      assert.equal(asked.filter((p) => p === `${PACK}.gz`).length, 0, 'the failed load asked for no copy');
      await page.locator('kizuki-kit .kizuki-error button').click();
      assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack('checklist').title.ja);
      assert.equal(asked.filter((p) => p === `${PACK}.gz`).length, 1, `the retry took the copy: ${asked.join(' ')}`);
      assert.equal(asked.filter((p) => p === PACK).length, 2, 'the failed request and the retry\'s, whose copy was used');
      await context.close();
    });
  });

  test("switching language takes the other file's copy too", async () => {
    await withPlainHost(DIST, async (host) => {
      const { context, page, count, errors } = await openChecklist(browser, host.origin);
      await page.locator('kizuki-kit .kizuki-lang-button[lang="en"]').click();
      await page.locator('kizuki-kit .kizuki-title').filter({ hasText: readPack('checklist').title.en }).waitFor();
      assert.deepEqual(errors, []);
      assert.equal(count('/content/mh-checklist.en.json.gz'), 1, 'the English file asked for as its copy');
      assert.equal(count('/content/mh-checklist.en.json'), 1, 'the plain English file not read again');
      await context.close();
    });
  });

  test("a center's own pack (pack-url) is read as sent: no copy is asked for", async () => {
    await withPlainHost(DIST, async (host) => {
      // A center's page (routed: the host has no such file), its own pack beside it.
      const { context, asked, count, title } = await openChecklist(browser, host.origin, {
        path: '/own-pack.html',
        html: '<!doctype html><html lang="ja"><title>own pack</title><script type="module" src="kizuki.js"></script><kizuki-kit kit="checklist" pack-url="content/mh-checklist.json"></kizuki-kit></html>',
      });
      assert.equal(title, readPack('checklist').title.ja);
      assert.equal(count('/content/mh-checklist.json'), 1);
      assert.deepEqual(asked.filter((path) => path.endsWith('.json.gz')), []);
      assert.equal(count(`${WASM}.gz`), 1, 'the wasm still comes as its copy');
      await context.close();
    });
  });

  test('without the .gz copies the plain files are read, once', async () => {
    const dir = copyWithoutCompressed(DIST);
    try {
      await withPlainHost(dir, async (host) => {
        const { context, count, errors, title } = await openChecklist(browser, host.origin);
        assert.equal(title, readPack('checklist').title.ja);
        assert.deepEqual(errors, []);
        assert.equal(count(`${WASM}.gz`), 1, 'the copy is asked for once (a 404)');
        assert.equal(count(WASM), 1, 'the plain wasm, kept while the copy was asked for, is the one read');
        await context.close();
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a .gz copy of another file (left from another version) is not used: the plain file is read", async () => {
    const swap = {
      [`${WASM}.gz`]: '/pkg/kizuki_questionnaire_bg.wasm.gz',
      [`${PACK}.gz`]: '/content/mh-checklist.en.json.gz',
    };
    await withPlainHost(DIST, async (host) => {
      const { context, count, errors, title } = await openChecklist(browser, host.origin);
      assert.equal(title, readPack('checklist').title.ja);
      assert.deepEqual(errors, []);
      assert.equal(count(`${WASM}.gz`), 1);
      assert.equal(count(WASM), 2, 'the plain wasm asked for again after the copy was refused');
      assert.equal(count(PACK), 2, 'the plain pack asked for again after the copy was refused');
      await context.close();
    }, swap);
  });
});

test('on a plain host, a page under the site\'s service worker reads its files from the worker\'s cache, not the .gz copies', async () => {
  const browser = await launchBrowser();
  await withPlainHost(DIST, async (host) => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(`${host.origin}/checklist.html`);
    await widgetTitle(page, 'kizuki-kit');
    // offline.js has the worker keep the site (every file, as the host sends them).
    await page.locator('#offline-status[data-ready="true"]').waitFor({ state: 'visible', timeout: 60_000 });
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.reload();
    assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack('checklist').title.ja);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is controlled');
    assert.ok(asked.includes(WASM), asked.join(' '));
    assert.deepEqual(asked.filter((path) => path.endsWith('.gz')), []);
    await context.close();
  }).finally(() => browser.close());
});

test('a host that compresses is never asked for a .gz copy', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { context, asked, title } = await openChecklist(browser, server.origin);
    assert.equal(title, readPack('checklist').title.ja);
    assert.deepEqual(asked.filter((path) => path.endsWith('.gz')), []);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
