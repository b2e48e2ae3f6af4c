#!/usr/bin/env node
// rk's VS Code extension in a real VS Code: code-server, driven in Debian's
// Chromium as a referent would use it.
//
//   node tests/browser/vscode.mjs CODE_SERVER VSIX PROJECT WORKDIR
//
// CODE_SERVER is code-server's entry (node_modules/.bin/code-server), VSIX
// the extension's package (with rk inside), PROJECT a scratch copy of the
// example project (it is edited), WORKDIR an empty folder for
// code-server's settings, extensions and screenshots. Steps:
//
// 1. installs the .vsix, starts code-server (no telemetry, no update
//    check, no network needed) and opens PROJECT in Chromium;
// 2. opens item 2.8 and misspells its case number (SAG-2020-01980 becomes
//    SAG-2020-1980, unsaved) and waits for rk's finding in the Problems
//    panel;
// 3. applies the quick fix (Ctrl+.) and waits for the finding to go and
//    the line to read SAG-2020-01980 again;
// 4. runs "rk: Preview" and waits for the referat in the Simple Browser
//    (item 2.2's title, and item 2.8's case number as fixed and saved);
// 5. misspells the case number again and runs "rk: Build meeting": the
//    task's problem matcher adds rk build's finding to the Problems panel.
//
// Prints each step's result on stdout (`problems: ...`, `fixed: ...`,
// `preview: ...`, `build: ...`); exits 1 when a step fails (with a screenshot
// WORKDIR/failure.png), 2 when the test cannot run.
//
// With `no-rk RK` last (a package without rk, and code-server's PATH
// holding no rk), instead of steps 2 to 5 it opens the item, waits for the
// extension's message that there is no rk (`missing: ...`), then sets
// rk.path to RK in the Settings editor its button opens, misspells the case number and
// waits for the finding (`setting: ...`).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const ITEM = '02-08-evaluering-rammearkitekturpuljen.md';
const WAIT_MS = 90_000;
// A heading of the referat, item 2.2's title.
const REFERAT_TEXT = 'DUPLA - ny distributionsplatform i Skatteforvaltningen';

const [codeServer, vsix, project, work, mode = 'full', rkForSetting] = process.argv.slice(2);
if (!work || !['full', 'no-rk'].includes(mode) || (mode === 'no-rk' && !rkForSetting)) {
  process.stderr.write('usage: node tests/browser/vscode.mjs CODE_SERVER VSIX PROJECT WORKDIR [no-rk RK]\n');
  process.exit(2);
}
for (const needed of [codeServer, vsix, project, CHROMIUM]) {
  if (!existsSync(needed)) {
    process.stderr.write(`vscode.mjs: ${needed} not found\n`);
    process.exit(2);
  }
}

const userData = join(work, 'user-data');
const extensions = join(work, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(extensions, { recursive: true });
// Nothing that would go to the network or stand in the way of the editor.
writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
  'chat.disableAIFeatures': true,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'files.autoSave': 'off',
}, null, 2));
const config = join(work, 'config.yaml');
writeFileSync(config, 'auth: none\ncert: false\n');

const env = {
  ...process.env,
  // no-rk: a package without rk, no rk on PATH and no rk.path.
  ...(mode === 'no-rk' ? { PATH: '/usr/bin:/bin' } : {}),
  XDG_CONFIG_HOME: join(work, 'xdg-config'),
  XDG_DATA_HOME: join(work, 'xdg-data'),
};
const common = [
  '--config', config, '--user-data-dir', userData, '--extensions-dir', extensions,
  '--disable-telemetry', '--disable-update-check',
];

const installed = spawnSync(codeServer, [...common, '--install-extension', vsix], { env, encoding: 'utf8' });
if (installed.status !== 0) {
  process.stderr.write(`vscode.mjs: --install-extension failed:\n${installed.stdout}${installed.stderr}\n`);
  process.exit(2);
}

const server = spawn(codeServer, [
  ...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-workspace-trust',
  '--disable-getting-started-override', '--ignore-last-opened', project,
], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
const address = new Promise((resolve, reject) => {
  const read = (chunk) => {
    serverLog += chunk;
    const m = /HTTP server listening on (http:\/\/[^\s]+?)\/?\s/.exec(serverLog);
    if (m) resolve(m[1]);
  };
  server.stdout.on('data', read);
  server.stderr.on('data', read);
  server.on('exit', (code) => reject(new Error(`code-server exited (${code}):\n${serverLog}`)));
  setTimeout(() => reject(new Error(`code-server did not start:\n${serverLog}`)), 60_000);
});

/** Waits for `predicate(text)` over the inner text of `selector`. */
async function waitForText(page, selector, predicate, what) {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < WAIT_MS) {
    // Monaco draws spaces as no-break spaces.
    last = (await page.locator(selector).first().innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    if (predicate(last)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`${what}: not within ${WAIT_MS / 1000} s; it reads:\n${last}`);
}

/** Runs a command by its title from the command palette (F1). */
async function command(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

const EDITOR = '.editor-instance .monaco-editor .view-lines';

/** Opens the item (Quick Open). */
async function openItem(page) {
  await page.locator('.monaco-workbench .part.editor').click();
  await command(page, 'Go to File');
  await page.locator('.quick-input-widget input').fill(ITEM);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: ITEM }).first().waitFor();
  await page.keyboard.press('Enter');
  await waitForText(page, EDITOR, (t) => t.includes('SAG-2020-01980'), 'the item opened');
}

/** The message of a package without rk, with no rk on PATH. */
async function noRk(page) {
  const said = await waitForText(page, '.notifications-toasts',
    (t) => t.includes('rk was not found'), 'the message that there is no rk');
  process.stdout.write(`missing: ${said.replace(/\s+/g, ' ').trim()}\n`);
  // rk.path set where the message's button leads: the server starts with
  // that rk.
  await page.locator('.notifications-toasts .monaco-button', { hasText: 'Open Settings' }).click();
  // rk.path is machine-overridable: code-server's extension host is the
  // "remote" machine, so the setting is under the Remote tab.
  await page.locator('.settings-tabs-widget .action-label', { hasText: 'Remote' }).click();
  const input = page.locator('.settings-editor input[aria-label="rk.path"]');
  await input.waitFor({ timeout: WAIT_MS });
  await input.fill(rkForSetting);
  await input.press('Tab');
  await page.locator('.tabs-container .tab', { hasText: ITEM }).click();
  await misspell(page);
  await command(page, 'View: Focus Problems');
  const problems = await waitForText(page, '.markers-panel',
    (t) => t.includes('is not a case reference'), 'the finding with rk.path set');
  process.stdout.write(`setting: ${problems.replace(/\s+/g, ' ').trim()}\n`);
}

/** Misspells the case number (SAG-2020-01980 to SAG-2020-1980), unsaved. */
async function misspell(page) {
  await page.locator(EDITOR).first().click({ position: { x: 5, y: 5 } });
  await command(page, 'Go to Line/Column');
  await page.keyboard.type('4:15');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await waitForText(page, EDITOR, (t) => t.includes('sag: SAG-2020-1980'), 'the case number misspelt');
}

/**
 * Ctrl+. until `action` is offered, as a user presses it again: once, in
 * a loaded CI run, the first press (right after Go to Line) got "No code
 * actions available" with the finding already shown.
 */
async function quickFixes(page, action) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    await page.keyboard.press('Control+.');
    try {
      await action.waitFor({ timeout: 10_000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/** Finding, quick fix, preview and build. */
async function full(page, url) {
  const editor = EDITOR;
  await misspell(page);

  // The finding in the Problems panel.
  await command(page, 'View: Focus Problems');
  const problems = await waitForText(page, '.markers-panel',
    (t) => t.includes('is not a case reference'), 'the finding in the Problems panel');
  process.stdout.write(`problems: ${problems.replace(/\s+/g, ' ').trim()}\n`);

  // The quick fix, at the finding (the cursor is still on the value).
  await page.locator(editor).first().click({ position: { x: 5, y: 5 } });
  await command(page, 'Go to Line/Column');
  await page.keyboard.type('4:15');
  await page.keyboard.press('Enter');
  const action = page.locator('.action-widget .monaco-list-row', { hasText: 'SAG-2020-01980' }).first();
  await quickFixes(page, action);
  process.stdout.write(`quick fix: ${(await action.innerText()).trim()}\n`);
  // Applied as a keyboard user does: the fix is the focused entry.
  while (!/\bfocused\b/.test(await action.getAttribute('class'))) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitForText(page, editor, (t) => t.includes('sag: SAG-2020-01980'), 'the fix written');
  const after = await waitForText(page, '.markers-panel',
    (t) => !t.includes('is not a case reference'), 'the finding gone');
  process.stdout.write(`fixed: ${after.replace(/\s+/g, ' ').trim()}\n`);

  // The preview: rk watch --serve in the Simple Browser.
  await command(page, 'rk: Preview');
  const started = Date.now();
  let shown;
  while (!shown && Date.now() - started < WAIT_MS * 2) {
    for (const frame of page.frames()) {
      if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+\//.test(frame.url()) || frame.url().startsWith(url)) continue;
      const text = await frame.locator('body').innerText().catch(() => '');
      // The referat, built from the saved fix.
      if (text.includes(REFERAT_TEXT) && text.includes('SAG-2020-01980')) shown = { url: frame.url(), text };
    }
    if (!shown) await page.waitForTimeout(500);
  }
  if (!shown) throw new Error('the referat did not show in the Simple Browser');
  process.stdout.write(`preview: ${shown.url} shows "${REFERAT_TEXT}" and SAG-2020-01980\n`);

  // rk: Build meeting on the misspelt item: it saves it, `rk build` runs
  // as a task, and the task's problem matcher adds its finding to the
  // language server's (without the help, which the matcher leaves out).
  await misspell(page);
  await command(page, 'rk: Build meeting');
  // The task's terminal comes to the front; the status bar counts errors.
  await waitForText(page, '[id="status.problems"]', (t) => /^\s*2\b/.test(t), 'two errors counted');
  await command(page, 'View: Focus Problems');
  const count = (t) => t.split('is not a case reference').length - 1;
  const built = await waitForText(page, '.markers-panel', (t) => count(t) === 2,
    'the build task\'s finding beside the language server\'s');
  process.stdout.write(`build: ${built.replace(/\s+/g, ' ').trim()}\n`);
}

const { chromium } = await import('playwright-core');
let browser;
let page;
let status = 0;
try {
  const url = await address;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}/?folder=${encodeURIComponent(project)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: WAIT_MS });
  await openItem(page);
  if (mode === 'no-rk') {
    await noRk(page);
  } else {
    await full(page, url);
  }
} catch (err) {
  process.stdout.write(`failed: ${err.message}\n`);
  if (page) await page.screenshot({ path: join(work, 'failure.png') }).catch(() => {});
  status = 1;
} finally {
  if (browser) await browser.close();
  server.kill();
}
process.exit(status);
