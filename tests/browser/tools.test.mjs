// The tools pages: the support center's aggregation (figures must match the CLI's for the
// same files; small groups hidden; invalid files listed with reasons) and "my data".

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DIST, ROOT, launchBrowser, openPage, startServer } from './helpers.mjs';

const HIDDEN = '表示なし（n < 10）';

function cliBinary() {
  const binary = join(ROOT, 'target/debug/kizuki');
  if (!existsSync(binary)) {
    const build = spawnSync('cargo', ['build', '--quiet', '-p', 'kizuki-cli', '--bin', 'kizuki'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('cargo build --bin kizuki failed');
  }
  return binary;
}

/** 25 valid checklist exports: 15 from 50+ workplaces, 8 from 10–49, 2 without a size. */
function makeExports(pack) {
  const checklist = pack.kit;
  const items = checklist.areas.flatMap((area) => area.items.map((item) => item.id));
  const scale = ['yes', 'partly', 'no', 'na'];
  const reasons = ['no_staff', 'dont_know_how', 'no_time', 'cost', 'no_need'];
  const files = [];
  for (let n = 0; n < 25; n += 1) {
    const profile = { sangyoi: n % 2 ? 'yes' : 'no', committee: n % 3 ? 'yes' : 'no' };
    if (n < 15) profile.size = '50plus';
    else if (n < 23) profile.size = '10to49';
    const answers = {};
    items.forEach((item, i) => {
      if ((n + i) % 7 === 6) return; // unanswered
      const choice = scale[(n * 3 + i) % 4];
      const answer = { choice };
      if (choice === 'partly' || choice === 'no') answer.why_not = [reasons[(n + i) % reasons.length]];
      answers[item] = answer;
    });
    const envelope = {
      kizuki_export: 2,
      pack_id: pack.id,
      pack_version: pack.version,
      saved_at: `2026-11-${String((n % 28) + 1).padStart(2, '0')}T09:00:${String(n).padStart(2, '0')}.000Z`,
      revision: n + 1,
      state: { kind: 'checklist', data: { profile, items: answers, actions: {} } },
    };
    files.push({ name: `workplace-${String(n + 1).padStart(2, '0')}.json`, text: `${JSON.stringify(envelope, null, 2)}\n` });
  }
  return files;
}

function invalidFiles(pack) {
  return [
    { name: 'broken.json', text: '{"kizuki_export": 2, "pack_id": ', code: 'invalid_json' },
    {
      name: 'other-kit.json',
      text: JSON.stringify({ kizuki_export: 2, pack_id: 'linecare', pack_version: '1.0.0', saved_at: 'x', revision: 1, state: { kind: 'course', data: {} } }),
      code: 'wrong_pack',
    },
    { name: 'notes.json', text: JSON.stringify({ pack_id: pack.id, hello: 'world' }), code: null },
  ];
}

const shown = (group) => (group && typeof group === 'object' && 'shown' in group ? group.shown : null);
const pct = (value) => `${value.toFixed(1)}%`;

describe('tools pages', () => {
  let server;
  let browser;
  let dir;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'kizuki-tools-'));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the aggregation page shows the same figures as the CLI, hides small groups and lists invalid files', async () => {
    const pack = JSON.parse(readFileSync(join(DIST, 'content', 'mh-checklist.json'), 'utf8'));
    const files = [...makeExports(pack), ...invalidFiles(pack)];
    const paths = files.map((file) => {
      const path = join(dir, file.name);
      writeFileSync(path, file.text);
      return path;
    });
    const cli = spawnSync(cliBinary(), ['aggregate', join(ROOT, 'content/mh-checklist.json'), ...paths, '--format', 'json'], {
      encoding: 'utf8',
    });
    assert.ok(cli.stdout, `the CLI printed nothing: ${cli.stderr}`);
    const expected = JSON.parse(cli.stdout);
    assert.equal(expected.files_valid, 25);
    assert.equal(expected.invalid.length, 3);

    const { context, page, problems, requests } = await openPage(browser, `${server.origin}/aggregate.html`);
    const host = 'kizuki-kit';
    const input = page.locator(`${host} input[type=file]`);
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    // The chooser is a button in the page's language, not the browser's "Choose Files"; the
    // input behind it is hidden and takes several files.
    const chooser = page.locator(`${host} .kizuki-tools-drop button`);
    assert.equal((await chooser.textContent()).trim(), 'ファイルを選ぶ（複数可）');
    assert.equal(await input.isVisible(), false);
    assert.equal(await input.evaluate((element) => element.multiple), true);
    await input.setInputFiles(paths);
    const report = page.locator(`${host} .kizuki-tools-report`);
    await report.waitFor({ timeout: 30_000 });
    assert.match(await report.locator('h3').textContent(), /有効なファイル 25 件（読み込んだファイル 28 件）/);

    // Invalid files, with reasons.
    const invalid = page.locator(`${host} .kizuki-tools-invalid li`);
    assert.equal(await invalid.count(), 3);
    for (const file of expected.invalid) {
      const item = page.locator(`${host} .kizuki-tools-invalid li`, { hasText: basename(file.name) });
      assert.equal(await item.getAttribute('data-code'), file.code);
      assert.ok((await item.textContent()).length > basename(file.name).length + 2, `a reason for ${file.name}`);
    }
    assert.equal(
      await page.locator(`${host} .kizuki-tools-invalid li[data-code=invalid_json]`).count(),
      1,
    );

    // Overall and per-area means.
    const figures = expected.checklist;
    const overall = await page.locator(`${host} [data-area=overall] .kizuki-tools-value`).textContent();
    assert.equal(overall.trim(), pct(shown(figures.mean_percent)));
    // Files below the coverage threshold are counted apart and left out of the means.
    assert.equal(figures.complete_files + figures.incomplete_files, expected.files_valid);
    const coverage = await page.locator(`${host} [data-testid="agg-coverage"]`).textContent();
    assert.ok(
      coverage.includes(`ファイル ${figures.complete_files} 件`) && coverage.includes(`${figures.incomplete_files} 件は平均に入れていません`),
      coverage,
    );
    for (const area of figures.areas) {
      const value = (await page.locator(`${host} [data-area="${area.id}"] .kizuki-tools-value`).textContent()).trim();
      assert.equal(value, shown(area.mean_percent) === null ? HIDDEN : pct(shown(area.mean_percent)), area.id);
    }

    // Per-item distributions.
    for (const item of figures.items) {
      const row = page.locator(`${host} tr[data-item="${item.id}"]`);
      const distribution = shown(item.answers);
      if (distribution === null) {
        assert.equal((await row.locator('td').textContent()).trim(), HIDDEN, item.id);
        continue;
      }
      const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
      // A count hidden by small-cell suppression is null in the JSON and "—" on the page.
      const count = (n) => (n === null ? '—' : String(n));
      const want = [
        String(distribution.applies),
        ...pack.kit.scale.map((s) => (s.id in distribution.choices ? count(distribution.choices[s.id]) : '0')),
        count(distribution.unanswered),
      ];
      assert.deepEqual(cells, want, item.id);
    }

    // "Why not" by size band: 50plus shown, 10to49 (8) and unanswered (2) hidden.
    let hiddenBands = 0;
    for (const band of figures.size_bands) {
      const row = page.locator(`${host} .kizuki-tools-why-not tr[data-band="${band.id}"]`);
      const numbers = shown(band.figures);
      if (numbers === null) {
        hiddenBands += 1;
        assert.equal((await row.locator('td').textContent()).trim(), HIDDEN, band.id);
        continue;
      }
      assert.equal((await row.locator('td').first().textContent()).trim(), String(numbers.files));
      for (const [reason, tally] of Object.entries(numbers.why_not)) {
        const cell = (await row.locator(`td[data-reason="${reason}"]`).textContent()).trim();
        const count = (n) => (n === null ? '—' : String(n));
        assert.equal(cell, `${count(tally.answers)}／${count(tally.files)}`, `${band.id} ${reason}`);
      }
    }
    assert.ok(hiddenBands >= 2, 'the small size bands are hidden');
    assert.equal(shown(figures.size_bands.find((b) => b.id === '50plus').figures).files, 15);

    // Checklist exports describe workplaces: the minimum goes down to 3, never below, and
    // raising it hides more.
    const min = page.locator(`${host} input[type=number]`);
    await min.fill('1');
    await min.press('Tab');
    assert.equal(await min.inputValue(), '3');
    await min.fill('30');
    await min.press('Tab');
    await page.locator(`${host} .kizuki-tools-hidden-all`).waitFor();

    // Nothing was uploaded: only the page's own files were requested.
    for (const url of requests) assert.ok(url.startsWith(server.origin), `unexpected request ${url}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a long list of files not used is counted per reason, every name folded away beneath it', async () => {
    const pack = JSON.parse(readFileSync(join(DIST, 'content', 'mh-checklist.json'), 'utf8'));
    const [one] = makeExports(pack);
    const broken = invalidFiles(pack).filter((file) => file.code === 'invalid_json' || file.code === 'wrong_pack');
    // The same export chosen 12 times (11 counted once), a broken file and another kit's.
    const files = [
      ...Array.from({ length: 12 }, (_, n) => ({ name: `copy-${String(n).padStart(2, '0')}.json`, text: one.text })),
      ...broken,
    ];
    const sub = join(dir, 'long-list');
    mkdirSync(sub, { recursive: true });
    const paths = files.map((file) => {
      const path = join(sub, file.name);
      writeFileSync(path, file.text);
      return path;
    });
    const { context, page, problems } = await openPage(browser, `${server.origin}/aggregate.html`);
    const host = 'kizuki-kit';
    const input = page.locator(`${host} input[type=file]`);
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    await input.setInputFiles(paths);
    await page.locator(`${host} .kizuki-tools-report`).waitFor({ timeout: 30_000 });
    assert.match(await page.locator(`${host} .kizuki-tools-report h3`).textContent(), /有効なファイル 1 件（読み込んだファイル 14 件）/);

    const counts = page.locator(`${host} .kizuki-tools-invalid-counts li`);
    assert.deepEqual(await counts.evaluateAll((items) => items.map((li) => li.dataset.code)), ['duplicate', 'invalid_json', 'wrong_pack']);
    assert.match(await counts.nth(0).textContent(), /^11 件：/);
    assert.match(await counts.nth(1).textContent(), /^1 件：/);
    // The names are there, folded: closed at first, all 13 once opened.
    const folded = page.locator(`${host} details.kizuki-tools-invalid-files`);
    assert.equal(await folded.evaluate((details) => details.open), false);
    assert.equal(await folded.locator('summary').textContent(), 'ファイル名をすべて見る（13 件）');
    const names = folded.locator('li');
    assert.equal(await names.count(), 13);
    assert.equal(await names.first().isVisible(), false);
    await folded.locator('summary').click();
    assert.equal(await names.first().isVisible(), true);
    assert.equal(await folded.locator('li[data-code=duplicate]').count(), 11);
    assert.equal(await folded.locator('li', { hasText: 'copy-00.json' }).count(), 0, 'the first copy is counted, not listed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('course records show the whole course\'s 有益度 once per person against the 90% line, next to the modules, and hide it under the minimum (issue 19)', async () => {
    const pack = JSON.parse(readFileSync(join(DIST, 'content', 'linecare.json'), 'utf8'));
    const modules = pack.kit.modules.map((m) => m.id);
    // 14 people rate 有用度: 11 say "very" in every module (positive); 2 say "little" in 3 of
    // 4 modules (not positive); 1 says "very" in one module and "not" in another (an even
    // split: not positive). By hand: 11 of 14 = 78.6%, under the 90% line.
    const people = [
      ...Array.from({ length: 11 }, () => modules.map(() => 'very')),
      ...Array.from({ length: 2 }, () => ['little', 'very', 'little', 'little']),
      ['very', 'not'],
    ];
    const paths = people.map((answers, n) => {
      const data = { modules: {} };
      answers.forEach((answer, i) => {
        data.modules[modules[i]] = { feedback: { understanding: 'very', usefulness: answer } };
      });
      const envelope = {
        kizuki_export: 2,
        pack_id: pack.id,
        pack_version: pack.version,
        saved_at: `2026-11-20T09:00:${String(n).padStart(2, '0')}.000Z`,
        revision: 1,
        state: { kind: 'course', data },
      };
      const path = join(dir, `learner-${n + 1}.json`);
      writeFileSync(path, JSON.stringify(envelope));
      return path;
    });
    // A 15th learner read a lesson and answered nothing: a file, but no 有用度 answer.
    const reader = join(dir, 'learner-15.json');
    writeFileSync(reader, JSON.stringify({
      kizuki_export: 2,
      pack_id: pack.id,
      pack_version: pack.version,
      saved_at: '2026-11-20T10:00:00.000Z',
      revision: 1,
      state: { kind: 'course', data: { modules: { [modules[0]]: { lessons_read: [pack.kit.modules[0].lessons[0].id] } } } },
    }));
    paths.push(reader);
    const cli = spawnSync(cliBinary(), ['aggregate', join(ROOT, 'content/linecare.json'), ...paths, '--format', 'json'], { encoding: 'utf8' });
    assert.ok(cli.stdout, `the CLI printed nothing: ${cli.stderr}`);
    const expected = JSON.parse(cli.stdout).course;
    const useful = expected.course_feedback.find((f) => f.question === 'usefulness');
    assert.deepEqual(shown(useful.figures), { answered: 14, positive: 11, positive_percent: 78.6 });
    assert.equal(useful.meets_target, false);

    const { context, page, problems } = await openPage(browser, `${server.origin}/aggregate.html?pack=linecare`);
    const host = 'kizuki-kit';
    const input = page.locator(`${host} input[type=file]`);
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    await input.setInputFiles(paths);
    const line = page.locator(`${host} .kizuki-tools-course-useful[data-question="usefulness"]`);
    await line.waitFor({ timeout: 30_000 });
    assert.equal(await line.getAttribute('data-meets-target'), 'false');
    assert.equal(
      (await line.textContent()).trim(),
      'コース全体の有益度：78.6%（11／14 人）。目標の90%以上に達していません。',
    );
    // The rule, in one sentence on screen.
    assert.match(await page.locator(`${host} .kizuki-hint`, { hasText: '1人1回' }).textContent(), /過半数/);
    // The whole-course row under the modules, one cell per feedback question.
    const row = page.locator(`${host} .kizuki-tools-modules tfoot tr`);
    assert.match(await row.locator('th').textContent(), /コース全体/);
    assert.equal((await row.locator('td[data-question="usefulness"]').textContent()).trim(), '78.6%（11/14）');
    assert.equal((await row.locator('td[data-question="understanding"]').textContent()).trim(), '100.0%（14/14）');
    // The first module alone: 14 answers, 2 not positive, so hidden (a cell under 3); the
    // course as a whole, one answer per person, still shows.
    assert.equal(shown(expected.modules[0].figures).feedback[1].figures.shown, undefined);
    assert.equal(
      (await page.locator(`${host} tr[data-module="${modules[0]}"] td[data-question="usefulness"]`).textContent()).trim(),
      HIDDEN,
    );
    // A minimum of 15: the 15 files are shown, but the 14 people who answered 有用度 are
    // not enough, so the course figure is hidden like every other group.
    const min = page.locator(`${host} input[type=number]`);
    await min.fill('15');
    await min.press('Tab');
    await page.locator(`${host} .kizuki-tools-course-useful`, { hasText: '表示なし' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator(`${host} .kizuki-tools-hidden-all`).count(), 0);
    assert.equal(await page.locator(`${host} .kizuki-tools-course-useful`).getAttribute('data-meets-target'), null);
    assert.equal((await row.locator('td[data-question="usefulness"]').textContent()).trim(), '表示なし（n < 15）');
    assert.doesNotMatch(await page.locator(`${host} .kizuki-tools-report`).textContent(), /78\.6/);
    // On a phone each module is a block of labelled figures, not a table to scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await page.locator(`${host} .kizuki-tools-modules`).evaluate((table) => {
      const row = table.querySelector(`tr[data-module]`);
      const cell = row.querySelector('td[data-label]');
      return {
        overflow: table.scrollWidth - table.clientWidth,
        display: getComputedStyle(row).display,
        label: getComputedStyle(cell, '::before').content,
        headVisible: table.querySelector('thead').getBoundingClientRect().height > 1,
      };
    });
    assert.ok(phone.overflow <= 0, `the modules table is wider than the phone by ${phone.overflow}px`);
    assert.equal(phone.display, 'grid');
    assert.match(phone.label, /開始/);
    assert.equal(phone.headVisible, false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('15 checklist files show the why-not reasons overall; a group under the minimum is hidden in every breakdown (issue 19)', async () => {
    const pack = JSON.parse(readFileSync(join(DIST, 'content', 'mh-checklist.json'), 'utf8'));
    // 15 workplaces: 6 of 50+, 5 of 10–49, 2 under 10, 2 that gave no size.
    const files = makeExports(pack).slice(0, 15).map((file, n) => {
      const envelope = JSON.parse(file.text);
      if (n < 6) envelope.state.data.profile.size = '50plus';
      else if (n < 11) envelope.state.data.profile.size = '10to49';
      else if (n < 13) envelope.state.data.profile.size = 'under10';
      else delete envelope.state.data.profile.size;
      return { name: file.name, text: JSON.stringify(envelope) };
    });
    const paths = files.map((file) => {
      const path = join(dir, `fifteen-${file.name}`);
      writeFileSync(path, file.text);
      return path;
    });
    const cli = (min) =>
      JSON.parse(
        spawnSync(cliBinary(), ['aggregate', join(ROOT, 'content/mh-checklist.json'), ...paths, '--format', 'json', '--min-group', String(min)], {
          encoding: 'utf8',
        }).stdout,
      ).checklist;

    const { context, page, problems } = await openPage(browser, `${server.origin}/aggregate.html`);
    const host = 'kizuki-kit';
    const input = page.locator(`${host} input[type=file]`);
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    assert.match(await page.locator(`${host} .kizuki-tools-min`).textContent(), /事業場/, 'the page says checklist files are workplaces');
    await input.setInputFiles(paths);
    await page.locator(`${host} .kizuki-tools-report`).waitFor({ timeout: 30_000 });
    // Printed, the report comes without the page's choice of kit (a form for the screen).
    assert.ok(await page.locator('.tools-packs').isVisible(), 'the kit choice shows on screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.tools-packs').isVisible(), false, 'the kit choice does not print');
    assert.ok(await page.locator(`${host} .kizuki-tools-report`).isVisible(), 'the report prints');
    await page.emulateMedia({ media: 'screen' });

    // Every band is under 10: hidden in the size mix and in the reasons by size …
    for (const table of ['size-mix', 'why-not']) {
      const selector = table === 'size-mix' ? '[data-testid="size-mix"]' : '.kizuki-tools-why-not';
      for (const band of ['50plus', '10to49', 'under10', 'unanswered']) {
        const text = (await page.locator(`${host} ${selector} tr[data-band="${band}"] td`).first().textContent()).trim();
        assert.equal(text, HIDDEN, `${table} ${band}`);
      }
    }
    // … and the reasons show over all 15 files, as the CLI computes them.
    const overall = shown(cli(10).why_not_overall);
    assert.equal(overall.files, 15);
    const given = Object.entries(overall.why_not).filter(([, tally]) => tally.files > 0);
    assert.ok(given.length >= 3, 'several reasons were given');
    for (const [reason, tally] of Object.entries(overall.why_not)) {
      const row = page.locator(`${host} [data-testid="why-not-overall"] tr[data-reason="${reason}"]`);
      const count = (n) => (n === null ? '—' : String(n));
      assert.equal((await row.locator('td[data-measure="answers"]').textContent()).trim(), count(tally.answers), reason);
      assert.equal((await row.locator('td[data-measure="files"]').textContent()).trim(), count(tally.files), reason);
    }
    assert.ok(await page.locator(`${host} [data-testid="least-in-place"] li`).count() > 0, 'items least in place');

    // Lowered to 3: the two larger bands show; the two bands of 2 stay hidden in every
    // breakdown, and no reason count of theirs follows by subtraction.
    const min = page.locator(`${host} input[type=number]`);
    await min.fill('3');
    await min.press('Tab');
    await page.locator(`${host} [data-testid="size-mix"] tr[data-band="50plus"] td`, { hasText: '6' }).first().waitFor();
    for (const selector of ['[data-testid="size-mix"]', '.kizuki-tools-why-not']) {
      for (const band of ['under10', 'unanswered']) {
        assert.equal((await page.locator(`${host} ${selector} tr[data-band="${band}"] td`).first().textContent()).trim(), '表示なし（n < 3）', `${selector} ${band}`);
      }
    }
    const five = cli(3);
    const bands = five.size_bands.map((b) => shown(b.figures)).filter(Boolean);
    assert.equal(bands.length, 2);
    for (const [reason, tally] of Object.entries(shown(five.why_not_overall).why_not)) {
      for (const measure of ['answers', 'files']) {
        const cells = bands.map((b) => (b.why_not[reason] ?? { answers: 0, files: 0 })[measure]);
        if (tally[measure] === null || cells.includes(null)) continue;
        const rest = tally[measure] - cells.reduce((a, b) => a + b, 0);
        assert.ok(rest === 0 || rest >= 3, `${reason} ${measure}: ${rest} would follow by subtraction`);
      }
    }
    for (const [reason, tally] of Object.entries(bands[0].why_not)) {
      const cell = (await page.locator(`${host} .kizuki-tools-why-not tr[data-band="50plus"] td[data-reason="${reason}"]`).textContent()).trim();
      const count = (n) => (n === null ? '—' : String(n));
      assert.equal(cell, `${count(tally.answers)}／${count(tally.files)}`, reason);
    }

    // The CSV: UTF-8 with a BOM, in Japanese only.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`${host} .kizuki-tools-report button`, { hasText: 'CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\ufeff'), 'BOM');
    assert.doesNotMatch(csv, /hidden|counted once|not valid|Size not|Mean score/);
    assert.match(csv, /まだ十分でない理由,全体/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the page does not freeze while aggregating: the progress bar moves through reading and then aggregating, batch by batch (issue 19)', async () => {
    const pack = JSON.parse(readFileSync(join(DIST, 'content', 'mh-checklist.json'), 'utf8'));
    const base = makeExports(pack);
    const many = join(dir, 'many');
    mkdirSync(many, { recursive: true });
    const paths = [];
    for (let n = 0; n < 1000; n += 1) {
      const envelope = JSON.parse(base[n % base.length].text);
      envelope.revision = n + 1; // distinct files, not duplicates
      const path = join(many, `w-${n}.json`);
      writeFileSync(path, JSON.stringify(envelope));
      paths.push(path);
    }
    const { context, page, problems } = await openPage(browser, `${server.origin}/aggregate.html`);
    const host = 'kizuki-kit';
    const input = page.locator(`${host} input[type=file]`);
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    // Every state the status shows, as the page paints it.
    await page.locator(`${host} .kizuki-tools-progress`).evaluate((status) => {
      window.__phases = [];
      const record = () => {
        const bar = status.querySelector('progress');
        window.__phases.push({
          phase: status.getAttribute('data-phase'),
          value: bar ? Number(bar.getAttribute('value')) : null,
          max: bar ? Number(bar.getAttribute('max')) : null,
        });
      };
      new MutationObserver(record).observe(status, { attributes: true, childList: true, subtree: true });
    });
    await input.setInputFiles(paths);
    const report = page.locator(`${host} .kizuki-tools-report`);
    await report.waitFor({ timeout: 120_000 });
    assert.match(await report.locator('h3').textContent(), /有効なファイル 1000 件/);
    const phases = await page.evaluate(() => window.__phases);
    const reading = phases.findIndex((p) => p.phase === 'reading');
    const aggregating = phases.filter((p) => p.phase === 'aggregating');
    assert.ok(reading >= 0, `the reading phase was shown: ${JSON.stringify(phases)}`);
    assert.ok(aggregating.length > 0, `the aggregating phase was shown: ${JSON.stringify(phases)}`);
    assert.ok(
      phases.findIndex((p) => p.phase === 'aggregating') > reading,
      'aggregating comes after reading',
    );
    // The bar moved during aggregation: a batch was painted before the last one.
    assert.ok(
      aggregating.some((p) => p.max === 1000 && p.value > 0 && p.value < 1000),
      `an intermediate aggregation step was painted: ${JSON.stringify(aggregating)}`,
    );
    assert.equal(await page.locator(`${host} .kizuki-tools-progress progress`).count(), 0, 'the bar is gone at the end');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the aggregation page has one nav: the kit to aggregate is a choice in the page, kept with the language (issue 19)', async () => {
    const { context, page, problems } = await openPage(browser, `${server.origin}/aggregate.html?lang=en`, {
      viewport: { width: 390, height: 844 },
    });
    await page.locator('kizuki-kit input[type=file]').waitFor({ state: 'attached', timeout: 30_000 });
    /** Navigation landmarks, and bars of links (an element holding two or more links as its
     * children or its list items' children), in the page and in every widget's shadow root. */
    const count = () => page.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
      const all = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
      const linkChildren = (element) => [...element.children].filter((child) =>
        child.matches('a[href]') || (child.matches('li') && child.querySelector(':scope > a[href]'))).length;
      return {
        navs: all('nav, [role="navigation"]').length,
        bars: all('*').filter((element) => linkChildren(element) >= 2).length,
      };
    });
    assert.deepEqual(await count(), { navs: 1, bars: 1 });
    const choice = page.locator('#tools-pack');
    assert.equal(await choice.inputValue(), 'mh-checklist', 'the pack shown is the one chosen');
    assert.match(await page.locator('label[for="tools-pack"]').textContent(), /集計するキット/);
    // With the keyboard: choose the course, then the button.
    await choice.focus();
    await choice.selectOption('linecare');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), '切り替える Switch');
    await Promise.all([page.waitForURL(/pack=linecare/), page.keyboard.press('Enter')]);
    const address = new URL(page.url());
    assert.equal(address.searchParams.get('pack'), 'linecare');
    assert.equal(address.searchParams.get('lang'), 'en', 'the language given in the address is kept');
    await page.locator('kizuki-kit input[type=file]').waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await choice.inputValue(), 'linecare');
    assert.deepEqual(await count(), { navs: 1, bars: 1 });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an aggregation widget without a pack-url fetches its default pack once, the file the module reads', async () => {
    const { context, page, problems } = await openPage(browser, `${server.origin}/app.html?kit=aggregate`, { serviceWorkers: 'block' });
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.reload();
    await page.locator('kizuki-kit input[type=file]').waitFor({ state: 'attached', timeout: 30_000 });
    // kizuki.js's prefetch is the bilingual file the module asks for (it once asked for
    // content/undefined.ja.json, a 404, and the module then fetched the pack itself).
    assert.deepEqual(asked.filter((path) => path.startsWith('/content/')), ['/content/mh-checklist.json']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the my-data page lists a saved checklist record and erases it', async () => {
    const { context, page, problems } = await openPage(browser, `${server.origin}/app.html?kit=checklist`);
    const radio = page.locator('kizuki-kit input[type=radio]').first();
    await radio.waitFor({ timeout: 30_000 });
    await radio.check();
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('kizuki/')));
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kizuki/')));

    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${server.origin}/mydata.html`);
    const records = page.locator('kizuki-kit .kizuki-tools-record');
    await records.first().waitFor({ timeout: 30_000 });
    assert.equal(await records.count(), keys.length);
    // Its own module (no kind, no pack reader) and no pack.
    assert.deepEqual(asked.filter((path) => path.startsWith('/pkg/') || path.startsWith('/content/')).sort(), ['/pkg/kizuki_mydata.js', '/pkg/kizuki_mydata_bg.wasm']);
    const record = page.locator(`kizuki-kit .kizuki-tools-record[data-key="${keys[0]}"]`);
    // In plain words (issue 16): the kit's name, what the record is, the local date, KB;
    // no ids, character counts or UTC stamps.
    const shown = await record.textContent();
    assert.match(shown, /メンタルヘルス対策 実施状況チェックリスト/);
    assert.match(shown, /回答と進み具合/);
    assert.match(shown, /\d+\.\d KB/);
    assert.doesNotMatch(shown, /mh-checklist|kizuki\/|文字|\d{4}-\d{2}-\d{2}T|Z\b/);
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).saved_at, keys[0]);
    const local = await page.evaluate((iso) => {
      const d = new Date(iso);
      return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    }, saved);
    assert.equal((await record.locator('.kizuki-tools-record-saved').textContent()).trim(), local, 'in the reader\'s time zone');

    await record.locator('.kizuki-tools-erase').click();
    await record.locator('[data-testid="erase-confirm"]').click();
    await page.locator(`kizuki-kit .kizuki-tools-record[data-key="${keys[0]}"]`).waitFor({ state: 'detached' });
    const left = await page.evaluate((key) => localStorage.getItem(key), keys[0]);
    assert.equal(left, null);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

