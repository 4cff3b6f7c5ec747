// The embed page: two different kits on one host page, each in its own shadow root,
// isolated from the host's styles, and destroy() that leaves the other widget working.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { kindsOf } from '../../scripts/kit-pages.mjs';
import { DIST, launchBrowser, openPage, readPack, startServer, widgetTitle } from './helpers.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// A center's web person reads the guide's table, not kizuki.js: every attribute the element
// takes has its row, and the kit row names every kind (the list the build wrote into
// kizuki.js from web/src/kind.rs) and the tools a page may hold.
test("the embed guide's attribute table names every attribute of <kizuki-kit> and every kit", () => {
  const source = readFileSync(new URL('../../www/kizuki.js', import.meta.url), 'utf8');
  const attributes = [...source.match(/const ATTRIBUTES = \{([\s\S]*?)\};/)[1].matchAll(/^\s*'?([a-z-]+)'?:/gm)].map(([, name]) => name);
  assert.ok(attributes.length >= 10, attributes.join(' '));
  const guide = readFileSync(new URL('../../www/embed/guide.html', import.meta.url), 'utf8');
  const table = guide.match(/id="attributes-heading"[\s\S]*?<\/table>/)[0];
  for (const name of attributes) assert.match(table, new RegExp(`<tr><td><code>${name}</code>`), `the row of ${name}`);
  const kitRow = table.match(/<tr><td><code>kit<\/code>[\s\S]*?<\/tr>/)[0];
  const kinds = Object.keys(kindsOf(readFileSync(join(DIST, 'kizuki.js'), 'utf8')));
  assert.ok(kinds.length >= 4, kinds.join(' '));
  for (const kit of [...kinds, 'aggregate', 'mydata']) assert.match(kitRow, new RegExp(`<code>${kit}</code>`), `the kit ${kit}`);
});

// The guide's preload lines and its table of each kit's files name files of the built site:
// a name that drifts (a module or pack renamed) would make a center preload nothing and fetch
// twice.
test("every file the embed guide names for a kit's head is in the built site", () => {
  const guide = readFileSync(new URL('../../www/embed/guide.html', import.meta.url), 'utf8');
  const section = guide.match(/id="snippet-heading"[\s\S]*?<\/section>/)[0];
  const named = [
    ...[...section.matchAll(/href="\/kizuki\/([^"]+)"/g)].map(([, file]) => file),
    ...[...section.matchAll(/<code>((?:pkg|content)\/[^<\s]+|kizuki-[a-z]+\.css)<\/code>/g)].map(([, file]) => file),
  ];
  assert.ok(named.length >= 20, named.join(' '));
  for (const file of named) assert.ok(existsSync(new URL(`../../dist/${file}`, import.meta.url)), `dist/${file}`);
});

// A center's web person copies the guide's snippets as they are: each element holds a line that
// shows until the widget loads and stays if the script never runs (not an empty box), and the
// "my data" snippet brings its script line (pasted alone, the element shows nothing).
test("every <kizuki-kit> snippet of the guide and the sample page holds a fallback text, and the my-data snippet its script line", () => {
  const snippets = ['guide.html', 'index.html'].flatMap((name) => {
    const html = readFileSync(new URL(`../../www/embed/${name}`, import.meta.url), 'utf8');
    return [...html.matchAll(/<pre><code>([\s\S]*?)<\/code><\/pre>/g)].map(([, code]) => ({ name, code })).filter(({ code }) => code.includes('&lt;kizuki-kit'));
  });
  assert.ok(snippets.length >= 4, `${snippets.length} snippets`);
  for (const { name, code } of snippets) {
    for (const [, inside] of code.matchAll(/&lt;kizuki-kit[^]*?&gt;([^]*?)&lt;\/kizuki-kit&gt;/g)) {
      assert.match(inside.trim(), /を読み込んでいます。表示されない場合は/, `${name}: ${code}`);
    }
    assert.doesNotMatch(code, /="…"/, `${name}: no literal placeholder left to paste: ${code}`);
  }
  const mydata = snippets.find(({ code }) => code.includes('kit="mydata"'));
  assert.match(mydata.code, /&lt;script type="module" src="\/kizuki\/kizuki\.js"&gt;&lt;\/script&gt;/);
});

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
        // The fallback text stays in the light DOM, unrendered behind the shadow root.
        lightChildren: [...host.childNodes].filter((node) => node.nodeType !== Node.TEXT_NODE).length,
        fallbackRendered: (() => {
          const range = document.createRange();
          range.selectNodeContents(host);
          return range.getClientRects().length > 0;
        })(),
        titleInShadow: host.shadowRoot?.querySelector('.kizuki-title') !== null,
        stylesheet: host.shadowRoot?.querySelector('link[rel="stylesheet"]')?.href ?? null,
      })),
    );
    assert.equal(roots.length, 2);
    for (const root of roots) {
      assert.equal(root.shadow, true);
      assert.equal(root.lightChildren, 0);
      assert.equal(root.fallbackRendered, false, 'the fallback text is not shown once the widget is');
      assert.equal(root.titleInShadow, true);
    }
    // Each widget links its own module's stylesheet (issue 14), not the whole kizuki.css.
    assert.deepEqual(roots.map((root) => root.stylesheet), [`${server.origin}/kizuki-checklist.css`, `${server.origin}/kizuki-course.css`]);
    // The page itself has no .kizuki-title: everything sits behind the shadow boundary.
    assert.equal(await page.evaluate(() => document.querySelectorAll('.kizuki-title').length), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("when kizuki.js cannot be loaded, each element shows its fallback text instead of an empty box", async () => {
    const { page, context } = await openPage(browser, 'about:blank', { serviceWorkers: 'block' });
    // Files uploaded one folder too deep: the script line's address answers 404.
    await page.route('**/kizuki.js', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    await page.goto(`${server.origin}/embed/`);
    await page.waitForLoadState('load');
    const hosts = await page.evaluate(() =>
      [...document.querySelectorAll('kizuki-kit')].map((host) => ({ shadow: host.shadowRoot !== null, text: host.innerText.trim(), height: host.getBoundingClientRect().height })),
    );
    assert.equal(hosts.length, 2);
    for (const host of hosts) {
      assert.equal(host.shadow, false);
      assert.match(host.text, /を読み込んでいます。表示されない場合は|Loading the course/);
      assert.ok(host.height > 0, `the text takes room (${host.height}px)`);
    }
    await context.close();
  });

  test("the sample page's leak-test h2 rule stays on the sample page: the guide's headings are plain", async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/guide.html`);
    const guide = await page.evaluate(() => getComputedStyle(document.querySelector('main h2')).color);
    await page.goto(`${server.origin}/embed/`);
    const sample = await page.evaluate(() => getComputedStyle(document.querySelector('main h2')).color);
    assert.equal(sample, 'rgb(138, 43, 226)', 'the sample page keeps the rule the widgets must not take');
    assert.notEqual(guide, sample);
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

  test("a checklist widget loads only the checklist's module, its stylesheet and its pack's Japanese file, and shows a loading line before it", async () => {
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
    // Its module's stylesheet only (issue 14): the placeholder links it, then the widget (asked
    // for again, from the browser's cache); no other kit's, nor the whole kizuki.css.
    // (site.css is the page's own.)
    const stylesheets = [...new Set(requests.map((url) => new URL(url).pathname).filter((path) => path.endsWith('.css')))].sort();
    assert.deepEqual(stylesheets, ['/kizuki-checklist.css', '/site.css']);
    const linked = await page.evaluate(() => [...document.querySelector('kizuki-kit').shadowRoot.querySelectorAll('link')].map((link) => new URL(link.href).pathname));
    assert.deepEqual(linked, ['/kizuki-checklist.css']);
    // Only the language shown: neither the English file nor the bilingual pack (issue 14).
    const packs = requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/content/'));
    assert.deepEqual(packs, ['/content/mh-checklist.ja.json']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the sample page's preloads are what its two widgets ask for: each file fetched once", async () => {
    const { page, problems, requests, context } = await openPage(browser, `${server.origin}/embed/`);
    await widgetTitle(page, 'kizuki-kit[kit="checklist"]');
    await widgetTitle(page, 'kizuki-kit[kit="course"]');
    const hints = await page.evaluate(() =>
      [...document.head.querySelectorAll('link[rel="preload"][as="fetch"], link[rel="modulepreload"]')].map((link) => new URL(link.href).pathname),
    );
    assert.deepEqual(hints.filter((path) => path.startsWith('/content/')).sort(), ['/content/linecare.en.json', '/content/mh-checklist.ja.json']);
    const paths = requests.map((url) => new URL(url).pathname);
    for (const file of hints) assert.equal(paths.filter((path) => path === file).length, 1, `${file} once: ${paths.join(' ')}`);
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

  test('the widget keeps the loading placeholder\'s stylesheet link instead of linking the file again', async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/`);
    const result = await page.evaluate(async () => {
      const { mount } = await import('/kizuki.js');
      const element = document.createElement('div');
      document.body.append(element);
      const handle = mount(element, { kit: 'checklist', pack: 'workplace-improvement' });
      const placeholderLink = element.shadowRoot.querySelector('link[rel="stylesheet"]');
      await handle.ready;
      const links = [...element.shadowRoot.querySelectorAll('link[rel="stylesheet"]')];
      return {
        placeholder: placeholderLink?.getAttribute('href') ?? null,
        count: links.length,
        same: links[0] === placeholderLink,
        root: !!element.shadowRoot.querySelector('.kizuki-root'),
      };
    });
    assert.match(result.placeholder, /kizuki-checklist\.css$/);
    assert.equal(result.root, true);
    assert.equal(result.count, 1);
    assert.equal(result.same, true, 'the link the placeholder made is the one the widget uses');
    await context.close();
  });

  test("a kit's module refuses an element that holds another module's widget (the root is a child of the shadow root)", async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/`);
    const result = await page.evaluate(async () => {
      const { mount } = await import('/kizuki.js');
      const element = document.createElement('div');
      document.body.append(element);
      await mount(element, { kit: 'checklist', pack: 'workplace-improvement' }).ready;
      // The course's module, loaded as a page that skips kizuki.js would load it.
      const course = await import('/pkg/kizuki_course.js');
      await course.default();
      try {
        course.mount(element, { kit: 'course', baseUrl: `${location.origin}/` });
        return 'mounted';
      } catch (error) {
        return error.message;
      }
    });
    assert.match(result, /already holds a Kizuki widget/);
    await context.close();
  });

  // A center's own address for reports (`report-errors-url`) takes the build's place in the
  // about panel; one that is not http(s) is dropped (the build's address stays).
  test("report-errors-url puts the center's own address for reports in the about panel; a javascript: one is dropped", async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/`);
    const about = async (url) => {
      await page.evaluate((url) => {
        document.querySelectorAll('kizuki-kit').forEach((old) => old.remove());
        const element = document.createElement('kizuki-kit');
        element.setAttribute('kit', 'checklist');
        element.setAttribute('center-name', 'テスト産業保健総合支援センター');
        element.setAttribute('report-errors-url', url);
        document.body.append(element);
      }, url);
      await widgetTitle(page, 'kizuki-kit');
      const panel = page.locator('kizuki-kit details.kizuki-about');
      await panel.locator('summary').click();
      return {
        text: await panel.textContent(),
        links: await panel.locator('.kizuki-about-report-url a').evaluateAll((links) => links.map((a) => a.href)),
      };
    };
    const own = await about('https://www.test-sanpo.jp/otoiawase');
    assert.match(own.text, /まず、このツールを置いているテスト産業保健総合支援センターにお知らせください。/);
    assert.deepEqual(own.links, ['https://www.test-sanpo.jp/otoiawase']);
    assert.doesNotMatch(own.text, /kizuki\.example/);
    const hostile = await about('javascript:alert(1)');
    assert.deepEqual(hostile.links, []);
    assert.match(hostile.text, /連絡先：https:\/\/kizuki\.example\/issues（仮の宛先です。/);
    await context.close();
  });

  // A stylesheet not uploaded: the kit still works, unstyled, and says so at its top in the
  // widget's words (a constructed stylesheet's ::before, which the module's rendering keeps).
  test("a widget whose stylesheet did not load still works and names the missing file at its top", async () => {
    const { page, context } = await openPage(browser, 'about:blank', { serviceWorkers: 'block' });
    await page.route('**/kizuki-checklist.css', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(`${server.origin}/app.html?kit=checklist`);
    assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack('checklist').title.ja);
    const note = await page.evaluate(() => {
      const root = document.querySelector('kizuki-kit').shadowRoot.querySelector('.kizuki-root');
      return getComputedStyle(root, '::before').content;
    });
    assert.match(note, /表示用のファイル（kizuki-checklist\.css）を読み込めませんでした。.*回答と保存はできます/);
    // Answering still works: the first option of the first item can be chosen.
    const radio = page.locator('kizuki-kit input[type="radio"]').first();
    await radio.check();
    assert.ok(await radio.isChecked());
    // With the stylesheet there, no such line.
    await page.unroute('**/kizuki-checklist.css');
    await page.goto(`${server.origin}/app.html?kit=checklist`);
    await widgetTitle(page, 'kizuki-kit');
    const none = await page.evaluate(() => {
      const root = document.querySelector('kizuki-kit').shadowRoot.querySelector('.kizuki-root');
      return getComputedStyle(root, '::before').content;
    });
    assert.equal(none, 'none');
    await context.close();
  });

  // kizuki.js compiles the wasm as it arrives (WebAssembly.compileStreaming), which needs
  // `application/wasm`: a host that labels it otherwise still gets its widget, and a missing
  // file a message in the widget.
  test("a host that serves the wasm under another type still shows the kit; a missing wasm says so in the widget", async () => {
    // Routed requests only: the site's service worker would answer the second page itself.
    const { page, problems, context } = await openPage(browser, 'about:blank', { serviceWorkers: 'block' });
    await page.route('**/pkg/kizuki_checklist_bg.wasm', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await page.goto(`${server.origin}/checklist.html`);
    assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack('checklist').title.ja);
    assert.deepEqual(problems, []);
    await page.unroute('**/pkg/kizuki_checklist_bg.wasm');
    await page.route('**/pkg/kizuki_checklist_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(`${server.origin}/app.html?kit=checklist`);
    const alert = page.locator('kizuki-kit p[role="alert"]');
    await alert.waitFor();
    // Said in the page's words with the file that is missing (its path from kizuki.js's
    // folder), and what to check; the console keeps the details.
    assert.match(await alert.textContent(), /開始できませんでした。必要なファイル（pkg\/kizuki_checklist_bg\.wasm）を読み込めませんでした。.*アップロード/);
    // The glue missing (its folder not uploaded), on a phone: the message wraps in the page.
    await page.unroute('**/pkg/kizuki_checklist_bg.wasm');
    await page.route('**/pkg/kizuki_checklist.js', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.origin}/app.html?kit=checklist`);
    await alert.waitFor();
    assert.match(await alert.textContent(), /必要なファイル（pkg\/kizuki_checklist\.js）/);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    // A kit misspelt: the message names it and the kits there are, in Japanese.
    await page.unroute('**/pkg/kizuki_checklist.js');
    await page.goto(`${server.origin}/app.html?kit=chekclist`);
    await alert.waitFor();
    assert.match(await alert.textContent(), /kit="chekclist" というキットはありません（使えるのは checklist, .*questionnaire.*mydata です）/);
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

  test("the guide's checker lists every problem of a bad directory file in Japanese, with its place (issue 16)", async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/embed/guide.html`);
    const file = JSON.parse(readFileSync(new URL('../../www/embed/directory.json', import.meta.url), 'utf8'));
    file.as_of = '2026/12/06';
    file.resources[0].url = 'javascript:alert(1)';
    file.resources[1].phne = file.resources[1].phone;
    file.resources[2].kind = 'helpline';
    delete file.resources[3].description.en;
    // The file is chosen with a button in the page's words, not the browser's "Choose File".
    await page.locator('kizuki-kit[kit="dircheck"] button', { hasText: '確認するファイルを選ぶ' }).waitFor({ timeout: 30_000 });
    const input = page.locator('kizuki-kit[kit="dircheck"] input[type="file"]');
    assert.equal(await input.isVisible(), false);
    await input.setInputFiles({ name: 'directory.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const findings = page.locator('kizuki-kit[kit="dircheck"] .kizuki-tools-finding');
    await findings.first().waitFor();
    const lines = await findings.allTextContents();
    assert.equal(lines.length, 5, lines.join('\n'));
    const ids = file.resources.map((r) => r.id);
    // Errors in the file's order (the header, then the resources from the first).
    const expect = [
      ['invalid_date', '確認日（as_of）', /年-月-日/],
      ['unsafe_link', `相談先の1件目（id: ${ids[0]}） › ウェブサイト（url）`, /https:\/\//],
      ['invalid_structure', `相談先の2件目（id: ${ids[1]}） › phne`, /「phne」という項目はありません/],
      ['invalid_structure', `相談先の3件目（id: ${ids[2]}） › 種類（kind）`, /「helpline」は選べる値ではありません/],
    ];
    for (const [i, [code, place, message]] of expect.entries()) {
      const finding = findings.nth(i);
      assert.equal(await finding.getAttribute('data-code'), code, lines[i]);
      assert.equal((await finding.locator('.kizuki-tools-finding-place').textContent()).trim(), place);
      assert.match(await finding.locator('.kizuki-tools-finding-message').textContent(), message);
    }
    assert.equal(await findings.nth(4).getAttribute('data-code'), 'missing_translation', 'warnings after errors');
    assert.match(await page.locator('kizuki-kit[kit="dircheck"] [data-testid="check-summary"]').textContent(), /誤り 4 件/);
    for (const line of lines) assert.doesNotMatch(line, /error\[|must be|expected one of/, 'no developer text');
    // A good file: nothing to fix.
    await input.setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: readFileSync(new URL('../../www/embed/directory.json', import.meta.url)),
    });
    await page.locator('kizuki-kit[kit="dircheck"] [data-testid="check-ok"]').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a page with two widgets gives two named landmarks and axe finds nothing moderate or worse, best practices included', async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/embed/`);
    await widgetTitle(page, 'kizuki-kit[kit="checklist"]');
    await widgetTitle(page, 'kizuki-kit[kit="course"]');
    const regions = await page.evaluate(() =>
      [...document.querySelectorAll('kizuki-kit')].map((host) => host.shadowRoot.querySelector('section.kizuki')?.getAttribute('aria-label')),
    );
    assert.equal(regions.length, 2);
    assert.ok(regions.every(Boolean), `every widget is a named region: ${regions}`);
    assert.notEqual(regions[0], regions[1]);
    const asides = await page.evaluate(() =>
      [...document.querySelectorAll('kizuki-kit')].flatMap((host) =>
        [...host.shadowRoot.querySelectorAll('aside')].map((aside) => aside.getAttribute('aria-label')),
      ),
    );
    assert.ok(asides.every(Boolean), `no unnamed aside: ${JSON.stringify(asides)}`);
    assert.equal(new Set(asides).size, asides.length, `aside names are unique: ${JSON.stringify(asides)}`);
    assert.deepEqual(problems, []);
    // axe adds inline styles, which the page's CSP refuses (reported, harmless): checked above.
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return result.violations
        .filter((v) => v.impact !== 'minor')
        .map((v) => ({ rule: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' > ')) }));
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
});
