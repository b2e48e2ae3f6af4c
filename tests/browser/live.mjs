#!/usr/bin/env node
// Follows a page served by `rk watch --serve` in Debian's Chromium, as a
// referent does while writing:
//
//   node tests/browser/live.mjs URL TEXT
//
// Opens URL, prints `loaded` on stdout, then waits (up to 30 s) for the
// page, reloading by itself, to show TEXT, and prints `shown` with the
// number of reloads seen. Exits 1 when TEXT never shows, 2 when the browser
// cannot run.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const WAIT_MS = 30_000;

const [url, text] = process.argv.slice(2);
if (!url || !text) {
  process.stderr.write('usage: node tests/browser/live.mjs URL TEXT\n');
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
  try {
    await page.waitForFunction(
      (wanted) => document.body && document.body.innerText.includes(wanted),
      text, { timeout: WAIT_MS, polling: 50 });
    process.stdout.write(`shown after ${loads - 1} reloads\n`);
  } catch (err) {
    process.stdout.write(`not shown: ${err.message}\n`);
    status = 1;
  }
} catch (err) {
  process.stderr.write(`live.mjs: ${err.message}\n`);
  status = 2;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
