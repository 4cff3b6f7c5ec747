// The embed guide's "make the LMS package" button (issue 19): pressed in the browser, it
// downloads the same zip, byte for byte, as `kizuki package` writes from the same dist/ and
// pack; the manifest and cmi5.xml validate against cli/schema/ with xmllint; a center's own
// pack is checked first (every error in Japanese, with its place); a file missing on the
// server is named; nothing leaves the origin; the form fits a 390 px screen.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DIST, ROOT, launchBrowser, openPage, startServer } from './helpers.mjs';

const WIDGET = 'kizuki-kit[kit="lmspackage"]';

/** Runs the CLI (built first, so the test never runs a stale binary). */
function kizuki(args) {
  const build = spawnSync('cargo', ['build', '--quiet', '-p', 'kizuki-cli', '--bin', 'kizuki'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('cargo build --bin kizuki failed');
  const run = spawnSync(join(ROOT, 'target/debug/kizuki'), args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`kizuki ${args.join(' ')}: ${run.stderr}`);
}

/** Unzips `zip` into a new folder and returns it with the sorted list of its files. */
function unzip(zip, into) {
  mkdirSync(into, { recursive: true });
  const run = spawnSync('unzip', ['-q', zip, '-d', into], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const list = (dir, prefix = '') =>
    readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? list(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    );
  return list(into).sort();
}

/** `xmllint --noout --schema <schema> <document>`: { valid, said }. */
function xmllint(schema, document) {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, document], { encoding: 'utf8' });
  return { valid: run.status === 0, said: run.stderr };
}

/** Presses the button and returns the downloaded file's name and bytes. */
async function pressAndDownload(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.locator(`${WIDGET} [data-testid="lms-build"]`).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

const SITE_FILES = ['kizuki-course.css', 'kizuki.js', 'lms.js', 'pkg/kizuki_course.js', 'pkg/kizuki_course_bg.wasm', 'pkg/kizuki_course_bg.wasm.gz'];

describe("the guide's LMS package button", () => {
  let server;
  let browser;
  let scratch;
  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'kizuki-lms-button-'));
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('SCORM 1.2 and cmi5 zips equal what `kizuki package` writes, and their manifests validate', async () => {
    const { page, problems, requests, context } = await openPage(browser, `${server.origin}/embed/guide.html`);
    const button = page.locator(`${WIDGET} [data-testid="lms-build"]`);
    await button.waitFor({ timeout: 30_000 });

    // SCORM 1.2, the shipped course, nothing else chosen.
    const scorm = await pressAndDownload(page);
    assert.equal(scorm.name, 'linecare-scorm12.zip');
    const cliScorm = join(scratch, 'cli-scorm12.zip');
    kizuki(['package', '--scorm12', '--dist', DIST, '-o', cliScorm]);
    assert.ok(scorm.bytes.equals(readFileSync(cliScorm)), 'the browser and the CLI make the same bytes');
    const done = page.locator(`${WIDGET} [data-testid="lms-done"]`);
    await done.waitFor();
    assert.match(await done.textContent(), /linecare-scorm12\.zip.*MB.*SCORM/);

    const unpacked = join(scratch, 'scorm12');
    const browserZip = join(scratch, 'browser-scorm12.zip');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(browserZip, scorm.bytes);
    const files = unzip(browserZip, unpacked);
    assert.deepEqual(
      files,
      [
        'adlcp_rootv1p2.xsd',
        'content/linecare.en.json',
        'content/linecare.en.json.gz',
        'content/linecare.ja.json',
        'content/linecare.ja.json.gz',
        'ims_xml.xsd',
        'imscp_rootv1p1p2.xsd',
        'imsmanifest.xml',
        'imsmd_rootv1p2p1.xsd',
        'index.html',
        ...SITE_FILES,
      ].sort(),
    );
    // The pack's one-language files are the site's own (scripts/build.sh's `kizuki pack split`),
    // each with a gzip copy that unpacks to it.
    for (const file of ['content/linecare.ja.json', 'content/linecare.en.json']) {
      assert.ok(gunzipSync(readFileSync(join(unpacked, `${file}.gz`))).equals(readFileSync(join(unpacked, file))), `${file}.gz`);
    }
    for (const file of [...SITE_FILES, 'content/linecare.ja.json', 'content/linecare.en.json']) {
      // The course module is the one with the LMS runtime, under the plain module's name.
      const built = file.replace(/^pkg\/kizuki_course(_bg\.wasm|_bg\.wasm\.gz|\.js)$/, 'pkg/kizuki_course_lms$1');
      assert.ok(readFileSync(join(unpacked, file)).equals(readFileSync(join(DIST, built))), `${file} is the site's ${built}`);
    }
    copyFileSync(join(ROOT, 'cli/schema/scorm12-validate.xsd'), join(unpacked, 'validate.xsd'));
    const manifest = xmllint(join(unpacked, 'validate.xsd'), join(unpacked, 'imsmanifest.xml'));
    assert.ok(manifest.valid, manifest.said);
    // The check can fail: a manifest without its resources does not validate.
    const broken = readFileSync(join(unpacked, 'imsmanifest.xml'), 'utf8').replaceAll('resources>', 'resourcez>');
    writeFileSync(join(unpacked, 'broken.xml'), broken);
    assert.equal(xmllint(join(unpacked, 'validate.xsd'), join(unpacked, 'broken.xml')).valid, false);

    // cmi5, English first, a center named: the same options on the command line.
    await page.locator(`${WIDGET} input[value="cmi5"]`).check();
    await page.locator(`${WIDGET} select`).selectOption('en');
    await page.locator(`${WIDGET} summary`).click();
    await page.locator(`${WIDGET} input[type="text"]`).fill('○○産業保健総合支援センター');
    await page.locator(`${WIDGET} input[type="url"]`).first().fill('https://www.example.jp/');
    await page.locator(`${WIDGET} input[type="url"]`).nth(1).fill('https://www.example.jp/kizuki/linecare');
    const cmi5 = await pressAndDownload(page);
    assert.equal(cmi5.name, 'linecare-cmi5.zip');
    const cliCmi5 = join(scratch, 'cli-cmi5.zip');
    kizuki([
      'package', '--cmi5', '--dist', DIST, '-o', cliCmi5, '--lang', 'en',
      '--center-name', '○○産業保健総合支援センター', '--center-url', 'https://www.example.jp/',
      '--iri', 'https://www.example.jp/kizuki/linecare',
    ]);
    assert.ok(cmi5.bytes.equals(readFileSync(cliCmi5)), 'the browser and the CLI make the same cmi5 bytes');
    const browserCmi5 = join(scratch, 'browser-cmi5.zip');
    writeFileSync(browserCmi5, cmi5.bytes);
    const unpacked5 = join(scratch, 'cmi5');
    const files5 = unzip(browserCmi5, unpacked5);
    assert.ok(files5.includes('cmi5.xml') && !files5.includes('imsmanifest.xml'), files5.join(' '));
    const structure = xmllint(join(ROOT, 'cli/schema/cmi5/CourseStructure.xsd'), join(unpacked5, 'cmi5.xml'));
    assert.ok(structure.valid, structure.said);
    const launch = readFileSync(join(unpacked5, 'index.html'), 'utf8');
    assert.match(launch, /<html lang="en">/);
    assert.match(launch, /data-course-iri="https:\/\/www\.example\.jp\/kizuki\/linecare"/);

    // Only the page's own origin was asked for anything.
    const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
    assert.deepEqual(foreign, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a center's own pack is checked first: errors in Japanese with their place, the site's one-language file refused, then it is packaged", async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/guide.html`);
    const button = page.locator(`${WIDGET} [data-testid="lms-build"]`);
    await button.waitFor({ timeout: 30_000 });
    await page.locator(`${WIDGET} input[value="own"]`).check();
    assert.equal(await button.isDisabled(), true, 'nothing to package until a file is chosen');
    const input = page.locator(`${WIDGET} input[type="file"]`);
    const pack = JSON.parse(readFileSync(join(DIST, 'content/linecare.json'), 'utf8'));

    // A checklist is named as another kind.
    await input.setInputFiles({ name: 'mh-checklist.json', mimeType: 'application/json', buffer: readFileSync(join(DIST, 'content/mh-checklist.json')) });
    const error = page.locator(`${WIDGET} [data-testid="lms-pack-error"]`);
    await error.waitFor();
    assert.match(await error.textContent(), /研修の内容ファイルではありません（種類：checklist）/);

    // A broken course: every error, with its place, in Japanese.
    const broken = structuredClone(pack);
    broken.kit.modules[0].pass_mark_percent = 140;
    broken.kit.modules[1].id = broken.kit.modules[0].id;
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.locator(`${WIDGET} .kizuki-tools-finding`).first().waitFor();
    assert.match(await error.textContent(), /誤りが \d+ 件/);
    const codes = await page.locator(`${WIDGET} .kizuki-tools-finding`).evaluateAll((items) => items.map((li) => li.dataset.code));
    assert.ok(codes.includes('pass_mark_out_of_range') && codes.includes('duplicate_id'), codes.join(' '));
    const text = await page.locator(`${WIDGET} .kizuki-tools-check-list`).textContent();
    assert.match(text, /合格点は 0〜100/);
    assert.match(text, /\/kit\/modules\/0\/pass_mark_percent/);
    assert.doesNotMatch(text, /must be|expected/, 'no developer text');
    assert.equal(await button.isDisabled(), true);

    // The site's file of one language (what a center may find beside the bilingual one): a
    // package makes both languages' files itself, so the bilingual file is asked for.
    await input.setInputFiles(join(DIST, 'content/linecare.ja.json'));
    const oneLanguage = page.locator(`${WIDGET} [data-testid="lms-pack-error"]`);
    await oneLanguage.filter({ hasText: '1つの言語（日本語）だけ' }).waitFor();
    assert.match(await oneLanguage.textContent(), /linecare\.json/);
    assert.equal(await button.isDisabled(), true);

    // The center's own course (an id with an underscore, as ids may have): its title shown,
    // then packaged, the same bytes as the CLI's.
    const own = structuredClone(pack);
    own.id = 'center_linecare';
    own.title.ja = '○○センターのラインケア研修';
    const ownBytes = Buffer.from(JSON.stringify(own, null, 1));
    const ownFile = join(scratch, 'center-linecare.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(ownFile, ownBytes);
    await input.setInputFiles(ownFile);
    const ok = page.locator(`${WIDGET} [data-testid="lms-pack-ok"]`);
    await ok.waitFor();
    assert.match(await ok.textContent(), /○○センターのラインケア研修/);
    const zip = await pressAndDownload(page);
    assert.equal(zip.name, 'center_linecare-scorm12.zip');
    const cli = join(scratch, 'cli-own.zip');
    kizuki(['package', '--scorm12', '--dist', DIST, '--pack', ownFile, '-o', cli]);
    assert.ok(zip.bytes.equals(readFileSync(cli)), 'the same bytes as `kizuki package --pack`');
    await context.close();
  });

  test('a file missing on the server is named, and the form fits a 390 px screen', async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/guide.html`, { viewport: { width: 390, height: 844 } });
    await page.route('**/lms.js', (route) => route.fulfill({ status: 404, body: 'not here' }));
    const button = page.locator(`${WIDGET} [data-testid="lms-build"]`);
    await button.waitFor({ timeout: 30_000 });
    await button.click();
    const failed = page.locator(`${WIDGET} [data-testid="lms-failed"]`);
    await failed.waitFor();
    assert.match(await failed.textContent(), /「lms\.js」が見つかりませんでした（HTTP 404）/);
    await page.locator(`${WIDGET} summary`).click();
    // (The guide page itself is wider than 390 px in its link bar and tables: not this widget.)
    const widths = await page.evaluate((selector) => {
      const host = document.querySelector(selector);
      const section = host.shadowRoot.querySelector('.kizuki-tools-lms');
      const right = Math.max(...[...section.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right));
      return { host: host.getBoundingClientRect().right, right, section: section.scrollWidth, client: section.clientWidth };
    }, WIDGET);
    assert.ok(widths.host <= 390, `the widget fits the screen: ${JSON.stringify(widths)}`);
    assert.ok(widths.right <= widths.host, `nothing sticks out of the widget: ${JSON.stringify(widths)}`);
    assert.ok(widths.section <= widths.client, `the form does not scroll sideways: ${JSON.stringify(widths)}`);
    // The file button is in the page's language and reachable by keyboard.
    await page.locator(`${WIDGET} input[value="own"]`).check();
    const choose = page.locator(`${WIDGET} label[for$="-lms-file"]`);
    assert.equal((await choose.textContent()).trim(), '内容ファイルを選ぶ');
    await page.locator(`${WIDGET} input[value="own"]`).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement?.type, WIDGET), 'file');
    await context.close();
  });
});
