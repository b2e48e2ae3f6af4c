#!/usr/bin/env node
// Looks at one HTML page as a validator and a reader would:
//
//   node tests/browser/check.mjs FILE.html OUTDIR
//
// - the W3C Nu Html Checker (vnu.jar from the vnu-jar package, run by java);
// - Debian's Chromium (/usr/bin/chromium, driven by playwright-core) at
//   viewport widths 1280 and 390: axe-core's WCAG 2.0/2.1 A and AA rules
//   (their violations, and the items axe could not decide and leaves to a
//   person to review: `incomplete`), a
//   full-page screenshot OUTDIR/screenshot-WIDTH.png, whether the page
//   scrolls sideways at 390 px, and how many <script> elements it has.
//
// Prints one JSON object on stdout and exits 0, whatever the page's faults:
//   { "vnu": { "errors": [{ "message", "line", "column" }],
//              "warnings": [{ "message", "line", "column" }] },
//     "axe": { "1280": [{ "id", "impact", "help", "nodes": ["selector", ...] }],
//              "390": [...] },
//     "axe_incomplete": { "1280": [...], "390": [...] },
//     "horizontal_scroll_390": BOOL,
//     "scripts": N }
// Judging the result is the caller's business. When the check itself cannot
// run (no java, no chromium, a timeout, a bad argument) it says why on
// stderr and exits 2. scripts/install-test-tools.sh installs what it needs.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const WIDTHS = [1280, 390];
const HEIGHT = 900;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const VNU_TIMEOUT_MS = 120_000;  // JVM start plus checking a page of a few MB
const STEP_TIMEOUT_MS = 60_000;  // each browser step: launch, load, screenshot, axe
const TOTAL_TIMEOUT_MS = 300_000;

class InfraError extends Error {}

function fail(message, { hint = true } = {}) {
  process.stderr.write(`check.mjs: ${message}\n`);
  if (hint) {
    process.stderr.write(
      'check.mjs: scripts/install-test-tools.sh installs java, chromium and the npm packages\n');
  }
  process.exit(2);
}

// The Nu Html Checker writes its JSON report to stderr and exits 1 when the
// page has errors, 0 when it has none. Also used by search.mjs.
export function runVnu(file) {
  const jar = String(require('vnu-jar'));
  const run = spawnSync('java', ['-Xss8m', '-jar', jar, '--format', 'json', file], {
    encoding: 'utf8', timeout: VNU_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error?.code === 'ENOENT') throw new InfraError('java not found on PATH');
  if (run.error) throw new InfraError(`vnu: ${run.error.message}`);
  if (run.status !== 0 && run.status !== 1) {
    throw new InfraError(`vnu exited with ${run.status ?? run.signal}: ${run.stderr.slice(0, 2000)}`);
  }
  let report;
  try {
    report = JSON.parse(run.stderr);
  } catch {
    throw new InfraError(`vnu printed no JSON: ${run.stderr.slice(0, 2000)}`);
  }
  const messages = report.messages ?? [];
  const broken = messages.find((m) => m.type === 'non-document-error');
  if (broken) throw new InfraError(`vnu could not check the file: ${broken.message}`);
  const where = (m) => ({
    message: m.message,
    line: m.firstLine ?? m.lastLine ?? null,
    column: m.firstColumn ?? m.lastColumn ?? null,
  });
  return {
    errors: messages.filter((m) => m.type === 'error').map(where),
    warnings: messages.filter((m) => m.type === 'info' && m.subType === 'warning').map(where),
  };
}

function withTimeout(promise, what, ms = STEP_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new InfraError(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runBrowser(file, outdir) {
  if (!existsSync(CHROMIUM)) throw new InfraError(`${CHROMIUM} not found (Debian package chromium)`);
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'rk-check-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      timeout: STEP_TIMEOUT_MS,
      // The page may forbid scripts with a Content-Security-Policy; axe has
      // to run all the same.
      bypassCSP: true,
      viewport: { width: WIDTHS[0], height: HEIGHT },
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = context.pages()[0] ?? await context.newPage();
    const url = pathToFileURL(file).href;
    const result = { axe: {}, axe_incomplete: {}, horizontal_scroll_390: false, scripts: 0 };

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.goto(url, { waitUntil: 'load' });
      // Counted before axe adds its own <script>.
      result.scripts = await page.evaluate(() => document.querySelectorAll('script').length);
      if (width === 390) {
        result.horizontal_scroll_390 = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      }
      await page.screenshot({ path: join(outdir, `screenshot-${width}.png`), fullPage: true });
      await page.addScriptTag({ path: require.resolve('axe-core') });
      const axe = await withTimeout(page.evaluate((tags) =>
        window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS),
        `axe at ${width} px`);
      const summary = (v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        // A target is a list of selectors, more than one only across frames.
        nodes: v.nodes.map((n) => n.target.join(' ')),
      });
      result.axe[width] = axe.violations.map(summary);
      result.axe_incomplete[width] = axe.incomplete.map(summary);
    }
    return result;
  } finally {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const [fileArg, outArg] = process.argv.slice(2);
  if (!fileArg || !outArg) fail('usage: node tests/browser/check.mjs FILE.html OUTDIR', { hint: false });
  const file = resolve(fileArg);
  if (!existsSync(file)) fail(`no such file: ${file}`, { hint: false });
  const outdir = resolve(outArg);
  mkdirSync(outdir, { recursive: true });

  const watchdog = setTimeout(
    () => fail(`gave up after ${TOTAL_TIMEOUT_MS / 1000} s`), TOTAL_TIMEOUT_MS);
  watchdog.unref();

  try {
    const vnu = runVnu(file);
    const browser = await runBrowser(file, outdir);
    process.stdout.write(JSON.stringify({ vnu, ...browser }, null, 2) + '\n');
  } catch (err) {
    fail(err instanceof InfraError ? err.message : (err?.stack ?? String(err)));
  }
  clearTimeout(watchdog);
}

// Run as a program, not when search.mjs imports runVnu.
if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
