#!/usr/bin/env node
// Searches a published archive as a reader would, and looks into its
// search index as a test that greps it would:
//
//   node tests/browser/search.mjs SITE OUTDIR < SPEC.json
//
// SITE is out/ after `rk index` (with `search = true` under [site]) and
// `pagefind --site SITE`. SPEC is
//   { "searches": [{ "query": "...", "body": "", "year": "" }, ...],
//     "words": ["...", ...] }
// The site is served over HTTP on 127.0.0.1; in Debian's Chromium (driven
// by playwright-core) each search is made with the keyboard on soeg.html:
// Tab to the search field, type, Enter (a filter is chosen in its select
// first). Its hits are read as shown, and the first is followed with the
// keyboard (focus, Enter) to the referat; with "more", the button that
// shows more hits is pressed first (Enter), when it is there. After the
// first search, with
// its hits shown, axe-core checks the page at 1280 and 390 px (screenshots
// in OUTDIR) and the Nu Html Checker the page as it then is.
//
// Prints one JSON object on stdout:
//   { "searches": [{ "query", "status", "hits": [{ "title", "href", "meeting" }],
//                    "more_button": BOOL, "after_more": { "status", "hits",
//                    "more_button", "focused" },
//                    "followed": { "path", "hash", "target": { "tag", "classes",
//                    "heading", "text" } | null } | null }],
//     "axe": { "1280": [...], "390": [...] }, "axe_incomplete": { ... },
//     "vnu": { "static": { "errors", "warnings" }, "with_hits": { ... } },
//     "scripts": { "soeg.html": N, "others": { "PATH": N, ... } },
//     "index": { "files": N, "words": { "WORD": ["FILE", ...] } } }
// "index" lists, for each word of SPEC's words, the files of SITE/pagefind
// whose decoded content (gzip, Pagefind's own header taken off) holds it,
// in lower case. Exits 2 when the check cannot run.

import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { runVnu } from './check.mjs';

const require = createRequire(import.meta.url);

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const WIDTHS = [1280, 390];
const HEIGHT = 900;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const STEP_TIMEOUT_MS = 60_000;
const TOTAL_TIMEOUT_MS = 300_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
};

function fail(message) {
  process.stderr.write(`search.mjs: ${message}\n`);
  process.exit(2);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// SITE over HTTP on a free port of 127.0.0.1.
function serve(site) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = resolve(site, `.${path}`);
    if (file !== site && !file.startsWith(site + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

// The words of SPEC found in the decoded files of Pagefind's index.
function grepIndex(site, words) {
  const files = walk(join(site, 'pagefind')).filter((f) => /\.pf_|\.json$/.test(f));
  const found = Object.fromEntries(words.map((w) => [w, []]));
  for (const file of files) {
    let bytes = readFileSync(file);
    try {
      bytes = gunzipSync(bytes);
    } catch {
      // Not compressed (pagefind-entry.json).
    }
    const text = bytes.toString('utf8').replace(/^pagefind_dcd/, '').toLowerCase();
    for (const word of words) {
      if (text.includes(word.toLowerCase())) found[word].push(relative(site, file));
    }
  }
  return { files: files.length, words: found };
}

// How many <script> elements each page of the site has.
function scripts(site) {
  const others = {};
  let search = 0;
  for (const file of walk(site).filter((f) => f.endsWith('.html'))) {
    const n = (readFileSync(file, 'utf8').match(/<script\b/gi) ?? []).length;
    const name = relative(site, file);
    if (name === 'soeg.html') search = n;
    else others[name] = n;
  }
  return { 'soeg.html': search, others };
}

// One search as a reader makes it with the keyboard.
async function search(page, base, { query, body = '', year = '', more = false }) {
  await page.goto(`${base}/soeg.html`, { waitUntil: 'load' });
  if (body) await page.selectOption('#soeg-organ', body);
  if (year) await page.selectOption('#soeg-aar', year);
  await page.evaluate(() => document.activeElement?.blur());
  for (let tab = 0; tab < 20; tab++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'soeg-felt')) break;
  }
  if (!(await page.evaluate(() => document.activeElement?.id === 'soeg-felt'))) {
    throw new Error('Tab never reaches the search field');
  }
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => {
    const status = document.getElementById('soeg-status');
    return status.textContent.includes(q) || status.textContent === status.dataset.unavailable;
  }, query.trim(), { timeout: STEP_TIMEOUT_MS });
  const result = { query, body, year, ...(await shown(page)) };
  if (more) {
    // The button that shows more, pressed with the keyboard: the hits
    // then, and where the focus went.
    result.more_button = await page.isVisible('#soeg-flere');
    if (result.more_button) {
      const before = result.hits.length;
      await page.focus('#soeg-flere');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) =>
        document.querySelectorAll('#soeg-resultater > li').length > n, before);
      result.after_more = {
        ...(await shown(page)),
        more_button: await page.isVisible('#soeg-flere'),
        focused: await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null),
      };
    }
  }
  return result;
}

// The status and the hits as the page shows them.
async function shown(page) {
  const status = await page.textContent('#soeg-status');
  const hits = await page.$$eval('#soeg-resultater > li', (items) => items.map((li) => ({
    title: li.querySelector('a')?.textContent ?? '',
    href: li.querySelector('a')?.getAttribute('href') ?? '',
    meeting: li.querySelector('.soeg-moede')?.textContent ?? '',
  })));
  return { status, hits };
}

// The first hit followed with the keyboard: where it leads.
async function follow(page) {
  await page.focus('#soeg-resultater a');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  return page.evaluate(() => {
    const hash = decodeURIComponent(location.hash.slice(1));
    const target = document.getElementById(hash);
    return {
      path: location.pathname,
      hash,
      target: target && {
        tag: target.tagName.toLowerCase(),
        classes: [...target.classList],
        heading: target.querySelector('h1, h2, h3, h4, h5, h6')?.textContent ?? '',
        text: target.textContent,
      },
    };
  });
}

async function axeAt(page, width, outdir) {
  await page.setViewportSize({ width, height: HEIGHT });
  await page.screenshot({ path: join(outdir, `screenshot-${width}.png`), fullPage: true });
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const axe = await page.evaluate((tags) =>
    window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  const summary = (v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) });
  return { violations: axe.violations.map(summary), incomplete: axe.incomplete.map(summary) };
}

async function main() {
  const [siteArg, outArg] = process.argv.slice(2);
  if (!siteArg || !outArg) fail('usage: node tests/browser/search.mjs SITE OUTDIR < SPEC.json');
  const site = resolve(siteArg);
  if (!existsSync(join(site, 'soeg.html'))) fail(`no soeg.html in ${site}`);
  if (!existsSync(join(site, 'pagefind'))) fail(`no pagefind/ in ${site}: run pagefind --site first`);
  if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} not found (Debian package chromium)`);
  const spec = JSON.parse(readFileSync(0, 'utf8'));
  const outdir = resolve(outArg);
  mkdirSync(outdir, { recursive: true });
  const watchdog = setTimeout(() => fail(`gave up after ${TOTAL_TIMEOUT_MS / 1000} s`), TOTAL_TIMEOUT_MS);
  watchdog.unref();

  const result = {
    searches: [], axe: {}, axe_incomplete: {}, vnu: {},
    scripts: scripts(site), index: grepIndex(site, spec.words ?? []),
  };
  result.vnu.static = runVnu(join(site, 'soeg.html'));

  const server = await serve(site);
  const base = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'rk-search-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: STEP_TIMEOUT_MS,
      viewport: { width: WIDTHS[0], height: HEIGHT },
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = context.pages()[0] ?? await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const [n, asked] of (spec.searches ?? []).entries()) {
      const done = await search(page, base, asked);
      if (n === 0) {
        // The page as it is with hits shown: Nu and axe.
        const shown = join(mkdtempSync(join(tmpdir(), 'rk-search-vnu-')), 'soeg.html');
        writeFileSync(shown, `<!DOCTYPE html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
        result.vnu.with_hits = runVnu(shown);
        for (const width of WIDTHS) {
          const axe = await axeAt(page, width, outdir);
          result.axe[width] = axe.violations;
          result.axe_incomplete[width] = axe.incomplete;
        }
        await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
      }
      done.followed = done.hits.length ? await follow(page) : null;
      result.searches.push(done);
    }
    result.page_errors = errors;
  } finally {
    await context?.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  clearTimeout(watchdog);
}

await main().catch((err) => fail(err?.stack ?? String(err)));
