#!/usr/bin/env node
// Follows a page served by `rk watch --serve` in Debian's Chromium, as a
// referent does while writing:
//
//   node tests/browser/live.mjs URL TEXT...
//
// Opens URL, prints `loaded` on stdout, then for each TEXT in turn waits
// (up to 30 s) for the page, reloading by itself, to show TEXT, and prints
// `shown` with the number of reloads seen; a TEXT written `-TEXT` is
// waited for to be gone from the page, and `gone` is printed. Exits 1 when
// a TEXT never shows (or never goes), 2 when the browser cannot run.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const WAIT_MS = 30_000;

const [url, ...texts] = process.argv.slice(2);
if (!url || texts.length === 0) {
  process.stderr.write('usage: node tests/browser/live.mjs URL TEXT...\n');
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`${CHROMIUM} not found (Debian package chromium)\n`);
  process.exit(2);
}
const { chromium } = await import('playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'rk-live-chromium-'));
let context;
let status = 0;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000,
  });
  const page = context.pages()[0] ?? await context.newPage();
  let loads = 0;
  page.on('load', () => { loads += 1; });
  await page.goto(url, { waitUntil: 'load' });
  process.stdout.write('loaded\n');
  for (const step of texts) {
    const gone = step.startsWith('-');
    const text = gone ? step.slice(1) : step;
    try {
      // innerText holds only what is rendered: a hidden element's text is
      // not in it.
      await page.waitForFunction(
        ([wanted, away]) => document.body
          && document.body.innerText.includes(wanted) !== away,
        [text, gone], { timeout: WAIT_MS, polling: 50 });
      process.stdout.write(`${gone ? 'gone' : 'shown'} after ${loads - 1} reloads\n`);
    } catch (err) {
      process.stdout.write(`${gone ? 'not gone' : 'not shown'}: ${err.message}\n`);
      status = 1;
      break;
    }
  }
} catch (err) {
  process.stderr.write(`live.mjs: ${err.message}\n`);
  status = 2;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
