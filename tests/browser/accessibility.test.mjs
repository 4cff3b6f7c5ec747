// An axe-core scan (WCAG 2.1 A and AA rules) of each page once its widgets have loaded.
// axe looks inside open shadow roots, so the widgets are scanned with their host page.
// And each page at a phone's width (390 px): it scrolls down, never sideways (1.4.10).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { SITE_PAGES, launchBrowser, openPage, startServer } from './helpers.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('accessibility (axe-core)', () => {
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
    test(`${path} has no WCAG 2.1 A/AA violations`, async () => {
      const { page, context } = await openPage(browser, `${server.origin}${path}`);
      await ready(page);
      // Evaluated through the DevTools protocol, so the page's CSP does not apply to axe.
      await page.evaluate(AXE_SOURCE);
      const { violations, passes } = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return {
          passes: result.passes.length,
          violations: result.violations.map((violation) => ({
            rule: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' > ')),
          })),
        };
      });
      assert.ok(passes > 10, `axe ran only ${passes} passing rules`);
      assert.deepEqual(violations, []);
      await context.close();
    });
  }

  // WCAG 2.1 1.4.10 (reflow): on a phone the page scrolls down, never sideways. A wide
  // <pre>, table or address scrolls inside its own box or wraps.
  for (const { path, ready } of SITE_PAGES) {
    test(`${path} does not scroll sideways on a 390 px phone`, async () => {
      const { page, context } = await openPage(browser, `${server.origin}${path}`, { viewport: { width: 390, height: 844 } });
      await ready(page);
      const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
        // What sticks out past the right edge, inside the widgets' shadow roots too.
        const out = [];
        const visit = (root) => {
          for (const element of root.querySelectorAll('*')) {
            const right = element.getBoundingClientRect().right;
            if (right > window.innerWidth + 1) {
              out.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} right=${Math.round(right)}`);
            }
            if (element.shadowRoot) visit(element.shadowRoot);
          }
        };
        visit(document);
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          widest: out.slice(0, 8),
        };
      });
      assert.ok(scrollWidth <= innerWidth, `the page is ${scrollWidth} px wide in a ${innerWidth} px window: ${widest.join(', ')}`);
      await context.close();
    });
  }
});
