// Takes full-page screenshots of the built site at 1280 px, to look at what a person sees.
//   node tests/browser/screenshot.mjs [path ...]   (default: /, /app.html?kit=checklist, /embed/)
// Writes PNGs to tests/browser/artifacts/ (not committed).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser, openPage, startServer } from './helpers.mjs';

const paths = process.argv.length > 2 ? process.argv.slice(2) : ['/', '/app.html?kit=checklist', '/embed/'];
const outDir = join(ROOT, 'tests/browser/artifacts');
mkdirSync(outDir, { recursive: true });

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const path of paths) {
    const { page, problems, context } = await openPage(browser, `${server.origin}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'index';
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${file}${problems.length ? `  problems: ${problems.join('; ')}` : ''}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
