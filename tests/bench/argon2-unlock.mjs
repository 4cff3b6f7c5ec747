// How long the planner takes to unlock (Argon2id key derivation, then opening the vault)
// in headless Chromium, with the CPU slowed by CDP's Emulation.setCPUThrottlingRate to stand
// in for a phone. Run after scripts/build.sh:
//
//   node tests/bench/argon2-unlock.mjs [RATE ...]      (default rates: 1 4 6)
//
// Prints, per rate, the median of three unlocks (ms) and the vault's KDF settings. The
// Argon2id cost in core/src/vault.rs is chosen so that a 4× throttled CPU unlocks in about
// a second (see RELIABILITY.md).

import { launchBrowser, openPage, startServer, widgetTitle } from '../browser/helpers.mjs';

const NS = 'return-to-work';
const KEY = `kizuki/${NS}/return-to-work`;
const PASSPHRASE = 'correct horse battery staple';
const id = (suffix) => `#kizuki-${NS}-plan-${suffix}`;
const rates = process.argv.slice(2).map(Number).filter((n) => n >= 1);

async function unlockOnce(page, rate) {
  await page.reload();
  await widgetTitle(page, 'kizuki-kit');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.locator(id('unlock-passphrase')).fill(PASSPHRASE);
  const started = Date.now();
  await page.getByRole('button', { name: 'ロックを解除する' }).click();
  await page.locator('.kizuki-plan-cases h3').waitFor({ timeout: 120_000 });
  const elapsed = Date.now() - started;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return elapsed;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, context } = await openPage(browser, `${server.origin}/app.html?kit=plan`);
  await widgetTitle(page, 'kizuki-kit');
  await page.locator(id('setup-new')).fill(PASSPHRASE);
  await page.locator(id('setup-again')).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'パスフレーズを設定して始める' }).click();
  await page.locator('.kizuki-plan-cases h3').waitFor({ timeout: 120_000 });
  const kdf = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY)).kdf;
  console.log(`kdf: ${JSON.stringify(kdf)} (the rendering and sealing of an empty vault are included)`);
  for (const rate of rates.length ? rates : [1, 4, 6]) {
    const times = [];
    for (let i = 0; i < 3; i += 1) times.push(await unlockOnce(page, rate));
    times.sort((a, b) => a - b);
    console.log(`CPU throttle ${rate}x: unlock ${times[1]} ms (median of ${times.join(', ')})`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
