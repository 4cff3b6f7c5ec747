// What the planner's browser tests share: its ids in the default app page, waiting for the
// key derivation, setting a passphrase and unlocking.

export const NS = 'return-to-work';
export const STORAGE_KEY = `kizuki/${NS}/return-to-work`;

/** The selector of a planner element by its id suffix (`kizuki-<namespace>-plan-<suffix>`). */
export const id = (suffix) => `#kizuki-${NS}-plan-${suffix}`;

/** Waits until the key derivation (Argon2id) has finished. */
export async function settled(page) {
  await page.waitForFunction(
    () => {
      const host = document.querySelector('kizuki-kit');
      const busy = [...(host?.shadowRoot?.querySelectorAll('.kizuki-plan-busy') ?? [])];
      return busy.every((el) => el.textContent.trim() === '');
    },
    null,
    { timeout: 30_000 },
  );
}

/** First use: sets `passphrase` and waits for the case list. */
export async function setPassphrase(page, passphrase) {
  await page.locator(id('setup-new')).fill(passphrase);
  await page.locator(id('setup-again')).fill(passphrase);
  await page.getByRole('button', { name: 'パスフレーズを設定して始める' }).click();
  await page.locator('.kizuki-plan-cases h3').waitFor({ timeout: 30_000 });
}

/** Unlocks with `passphrase` and waits until the key derivation has finished. */
export async function unlock(page, passphrase) {
  await page.locator(id('unlock-passphrase')).fill(passphrase);
  await page.getByRole('button', { name: 'ロックを解除する' }).click();
  await settled(page);
}
