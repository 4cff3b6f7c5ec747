// The embed page: two different kits on one host page, each in its own shadow root,
// isolated from the host's styles, and destroy() that leaves the other widget working.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, readPack, startServer, widgetTitle } from './helpers.mjs';

describe('embed page', () => {
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

  test('shows two widgets, each inside its own shadow root', async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/embed/`);
    assert.equal(await widgetTitle(page, 'kizuki-kit[kit="checklist"]'), readPack('checklist').title.ja);
    assert.equal(await widgetTitle(page, 'kizuki-kit[kit="course"]'), readPack('course').title.en);
    const roots = await page.evaluate(() =>
      [...document.querySelectorAll('kizuki-kit')].map((host) => ({
        shadow: host.shadowRoot !== null,
        lightChildren: host.childNodes.length,
        titleInShadow: host.shadowRoot?.querySelector('.kizuki-title') !== null,
        stylesheet: host.shadowRoot?.querySelector('link[rel="stylesheet"]')?.href ?? null,
      })),
    );
    assert.equal(roots.length, 2);
    for (const root of roots) {
      assert.equal(root.shadow, true);
      assert.equal(root.lightChildren, 0);
      assert.equal(root.titleInShadow, true);
      assert.equal(root.stylesheet, `${server.origin}/kizuki.css`);
    }
    // The page itself has no .kizuki-title: everything sits behind the shadow boundary.
    assert.equal(await page.evaluate(() => document.querySelectorAll('.kizuki-title').length), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the host page's h2 rule does not reach the widget, and its theme property does", async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/`);
    await widgetTitle(page, 'kizuki-kit[kit="checklist"]');
    const colors = await page.evaluate(() => {
      const host = document.querySelector('kizuki-kit[kit="checklist"]');
      const hostH2 = getComputedStyle(document.querySelector('main h2')).color;
      const widgetTitle = getComputedStyle(host.shadowRoot.querySelector('.kizuki-title')).color;
      const button = getComputedStyle(host.shadowRoot.querySelector('.kizuki-lang-button[aria-pressed="true"]'));
      return { hostH2, widgetTitle, pressedBackground: button.backgroundColor };
    });
    assert.notEqual(colors.widgetTitle, colors.hostH2);
    assert.equal(colors.pressedBackground, 'rgb(11, 110, 79)'); // --kizuki-color-primary: #0b6e4f
    await context.close();
  });

  test("a checklist widget loads only the checklist's module, and shows a loading line before it", async () => {
    const { page, problems, requests, context } = await openPage(browser, 'about:blank');
    // Hold the wasm back so the placeholder can be seen before the kit replaces it.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/pkg/kizuki_checklist_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.origin}/app.html?kit=checklist`);
    const placeholder = page.locator('kizuki-kit .kizuki-placeholder [role="status"]');
    await placeholder.waitFor();
    assert.equal((await placeholder.textContent()).trim(), '読み込んでいます…');
    const height = await page.locator('kizuki-kit .kizuki-placeholder').evaluate((box) => box.getBoundingClientRect().height);
    assert.ok(height >= 150, `the placeholder reserves room (${height}px)`);
    release();
    await widgetTitle(page, 'kizuki-kit');
    const modules = requests
      .map((url) => new URL(url).pathname)
      .filter((path) => path.startsWith('/pkg/'))
      .sort();
    assert.deepEqual(modules, ['/pkg/kizuki_checklist.js', '/pkg/kizuki_checklist_bg.wasm']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('destroy() empties its element and the other widget still works', async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/embed/`);
    await widgetTitle(page, 'kizuki-kit[kit="checklist"]');
    await widgetTitle(page, 'kizuki-kit[kit="course"]');

    // Through the JS API: mount a third widget into a plain div, then destroy it.
    const afterDestroy = await page.evaluate(async () => {
      const { mount } = await import('/kizuki.js');
      const element = document.createElement('div');
      document.querySelector('main').append(element);
      const handle = mount(element, { kit: 'plan', lang: 'ja' });
      await new Promise((resolve) => {
        const check = () =>
          element.shadowRoot.querySelector('.kizuki-title') ? resolve() : setTimeout(check, 20);
        check();
      });
      handle.destroy();
      handle.destroy(); // a second call does nothing
      return {
        shadowChildren: element.shadowRoot.childNodes.length,
        lightChildren: element.childNodes.length,
        mounted: handle.isMounted,
      };
    });
    assert.deepEqual(afterDestroy, { shadowChildren: 0, lightChildren: 0, mounted: false });

    // Through the custom element: removing it destroys its widget.
    const removed = await page.evaluate(() => {
      const host = document.querySelector('kizuki-kit[kit="checklist"]');
      const handle = host.handle;
      host.remove();
      return { shadowChildren: host.shadowRoot.childNodes.length, mounted: handle.isMounted };
    });
    assert.deepEqual(removed, { shadowChildren: 0, mounted: false });

    // The course widget still responds: switch its language.
    const course = readPack('course');
    await page.locator('kizuki-kit[kit="course"] .kizuki-lang-button[lang="ja"]').click();
    await page.locator('kizuki-kit[kit="course"] .kizuki-title', { hasText: course.title.ja }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('mount() refuses a bad kit, and a second mount on the same element, with a clear message', async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/`);
    const messages = await page.evaluate(async () => {
      const { mount } = await import('/kizuki.js');
      const element = document.createElement('div');
      document.body.append(element);
      const attempt = (options) => {
        try {
          mount(element, options);
          return 'mounted';
        } catch (error) {
          return error.message;
        }
      };
      const unknown = attempt({ kit: 'survey' });
      const first = attempt({ kit: 'checklist' });
      const second = attempt({ kit: 'course' });
      const foreign = attempt({ kit: 'course', packUrl: 'https://elsewhere.example/pack.json' });
      return { unknown, first, second, foreign };
    });
    assert.match(messages.unknown, /unknown kit `survey`/);
    assert.equal(messages.first, 'mounted');
    assert.match(messages.second, /already holds a Kizuki widget/);
    assert.match(messages.foreign, /must come from this page's origin/);
    await context.close();
  });

  test("a host page whose CSP forbids WebAssembly gets a message in each widget, not a blank box", async () => {
    const { page, context } = await openPage(browser, 'about:blank');
    await page.route('**/embed/', async (route) => {
      const response = await route.fetch();
      const headers = {
        ...response.headers(),
        'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
      };
      await route.fulfill({ response, headers });
    });
    await page.goto(`${server.origin}/embed/`);
    const alerts = page.locator('kizuki-kit p[role="alert"]');
    await alerts.first().waitFor();
    assert.equal(await alerts.count(), 2);
    assert.match(await alerts.first().textContent(), /開始できませんでした|could not start/);
    await context.close();
  });
});
