// An axe-core scan (WCAG 2.1 A and AA rules) of each page once its widgets have loaded.
// axe looks inside open shadow roots, so the widgets are scanned with their host page.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, startServer, widgetTitle } from './helpers.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGES = [
  { path: '/', ready: (page) => page.locator('.kit-list').waitFor() },
  { path: '/app.html?kit=checklist', ready: (page) => widgetTitle(page, 'kizuki-kit') },
  { path: '/app.html?kit=plan', ready: (page) => widgetTitle(page, 'kizuki-kit') },
  { path: '/app.html?kit=course', ready: (page) => widgetTitle(page, 'kizuki-kit') },
  {
    path: '/embed/',
    ready: async (page) => {
      await widgetTitle(page, 'kizuki-kit[kit="checklist"]');
      await widgetTitle(page, 'kizuki-kit[kit="course"]');
    },
  },
  {
    // The guide with its two tools: the directory checker and the LMS package button.
    path: '/embed/guide.html',
    ready: async (page) => {
      await page.locator('kizuki-kit[kit="lmspackage"] [data-testid="lms-build"]').waitFor({ timeout: 30_000 });
      await page.locator('kizuki-kit[kit="dircheck"] input[type="file"]').waitFor({ timeout: 30_000 });
    },
  },
];

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

  for (const { path, ready } of PAGES) {
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
