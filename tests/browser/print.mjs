#!/usr/bin/env node
// Prints one HTML page to PDF in Debian's Chromium, as a reader does with
// the browser's Print (the page's print styles, its @page size and
// margins), and measures its edition mark (the `.internal` banner: the
// internal edition, the draft, the change page):
//
//   node tests/browser/print.mjs FILE.html OUT.pdf
//
// Prints one JSON object on stdout:
//   { "mark": "Ændringer siden main · UDKAST" | null,
//     "mark_shown": BOOL,   // whether the banner is rendered in print media
//     "insets": { "left", "top", "right", "bottom" } }
// `insets` are in PDF points (1/72 in): how far the banner's painted box
// (its border and padding) reaches beyond its text, in print media, so
// that a caller finding the banner's words in the PDF knows the box they
// paint. Exits 2 when the browser cannot run.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const [file, out] = process.argv.slice(2);
if (!file || !out) {
  process.stderr.write('usage: node tests/browser/print.mjs FILE.html OUT.pdf\n');
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`${CHROMIUM} not found (Debian package chromium)\n`);
  process.exit(2);
}
const { chromium } = await import('playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'rk-print-chromium-'));
let context;
let status = 0;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000,
  });
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const measured = await page.evaluate(() => {
    const mark = document.querySelector('.internal');
    if (!mark) return { mark: null, mark_shown: false, insets: null };
    const box = mark.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(mark);
    const text = range.getBoundingClientRect();
    // CSS px to PDF points.
    const pt = (px) => Math.max(0, px) * 0.75;
    return {
      mark: mark.innerText.trim(),
      mark_shown: box.width > 0 && box.height > 0,
      insets: {
        left: pt(text.left - box.left),
        top: pt(text.top - box.top),
        right: pt(box.right - text.right),
        bottom: pt(box.bottom - text.bottom),
      },
    };
  });
  // As the browser's Print dialog: the page's own @page size and margins.
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
  process.stdout.write(JSON.stringify(measured) + '\n');
} catch (err) {
  process.stderr.write(`print.mjs: ${err.message}\n`);
  status = 2;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
