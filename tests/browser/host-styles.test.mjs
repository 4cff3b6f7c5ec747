// The widget against a hostile host stylesheet: a root font size of 62.5 % and a vertical
// writing mode on the page must not reach into the widget (its `:host` resets what is
// inherited), and component sizes follow the reader's default size (`--k-rem`, set by
// kizuki.js), not the host's root size.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, startServer, widgetTitle } from './helpers.mjs';

describe('host page styles', () => {
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

  test('a host font size of 62.5 % and a vertical writing mode do not reach the widget', async () => {
    const { page, context } = await openPage(browser, `${server.origin}/app.html?kit=checklist`);
    await widgetTitle(page, 'kizuki-kit');
    // The host's styles, added the way a center's own stylesheet would apply them.
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '62.5%';
      document.body.style.writingMode = 'vertical-rl';
      document.body.style.letterSpacing = '0.5em';
    });
    const seen = await page.evaluate(() => {
      const host = document.querySelector('kizuki-kit');
      const style = getComputedStyle(host);
      const title = host.shadowRoot.querySelector('.kizuki-title');
      return {
        hostWriting: style.writingMode,
        hostFont: style.fontSize,
        hostSpacing: style.letterSpacing,
        titleWriting: getComputedStyle(title).writingMode,
        buttonHeight: Math.max(
          ...[...host.shadowRoot.querySelectorAll('.kizuki-button')].map((b) => b.getBoundingClientRect().height),
        ),
      };
    });
    assert.equal(seen.hostWriting, 'horizontal-tb', 'the widget stays horizontal');
    assert.equal(seen.titleWriting, 'horizontal-tb');
    assert.equal(seen.hostFont, '16px', "the widget's base text is the reader's default size");
    assert.equal(seen.hostSpacing, 'normal', 'letter spacing does not leak in');
    // 2.75 × 16 px: the buttons keep their touch size under a 62.5 % host root (27.5 px with rem).
    assert.ok(seen.buttonHeight >= 44, `buttons keep their 44 px touch height, got ${seen.buttonHeight}`);
    await context.close();
  });
});
