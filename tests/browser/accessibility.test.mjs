// An axe-core scan (WCAG 2.1 A and AA rules) of each page once its widgets have loaded.
// axe looks inside open shadow roots, so the widgets are scanned with their host page.

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
});
