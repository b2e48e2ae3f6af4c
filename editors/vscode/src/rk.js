// Where the rk program is, and which meeting a file belongs to.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXE = process.platform === 'win32' ? 'rk.exe' : 'rk';

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `rk` on PATH (with PATHEXT's endings on Windows), or undefined. */
function onPath() {
  const endings = process.platform === 'win32'
    ? (process.env.PATHEXT || '.EXE').split(';').map((e) => e.toLowerCase())
    : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ending of endings) {
      const candidate = path.join(dir, `rk${ending}`);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The rk to run: `rk.path` when it is set (a setting is what its user
 * means), else the binary inside the extension (bin/rk, packaged per
 * target), else `rk` on PATH. `{ path, from }`, or `{ error }` saying what
 * was looked for.
 */
function findRk(extensionPath) {
  const setting = vscode.workspace.getConfiguration('rk').get('path', '').trim();
  if (setting) {
    const home = process.env.HOME || process.env.USERPROFILE || '';
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const resolved = setting
      .replace(/^~(?=$|[\\/])/, home)
      .replace('${workspaceFolder}', folder);
    if (isFile(resolved)) return { path: resolved, from: 'the setting rk.path' };
    return { error: `rk.path is set to ${setting}, and there is no such file.` };
  }
  const bundled = path.join(extensionPath, 'bin', EXE);
  if (isFile(bundled)) return { path: bundled, from: 'the extension' };
  const found = onPath();
  if (found) return { path: found, from: 'PATH' };
  return {
    error: 'rk was not found: this copy of the extension has no rk inside for this platform, '
      + 'rk is not on PATH, and the setting rk.path is empty. Install rk, or set rk.path '
      + 'to the rk program.',
  };
}

/**
 * The meeting folder holding `file` (the nearest folder upwards with a
 * meeting.yaml, stopping at the project's root), or undefined.
 */
function meetingOf(file) {
  let dir = path.dirname(file);
  for (;;) {
    if (isFile(path.join(dir, 'meeting.yaml'))) return dir;
    if (isFile(path.join(dir, 'rk.toml'))) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The meeting folders of the workspace, newest first. */
async function meetingsOfWorkspace() {
  const found = await vscode.workspace.findFiles('**/meeting.yaml', '**/{node_modules,out,out-internt}/**', 500);
  return found.map((uri) => path.dirname(uri.fsPath)).sort().reverse();
}

/**
 * The meeting of the file in the active editor; without one, the meeting
 * picked from the workspace's (the only one, without asking).
 */
async function currentMeeting() {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.uri.scheme === 'file') {
    const dir = meetingOf(editor.document.uri.fsPath);
    if (dir) return dir;
  }
  const meetings = await meetingsOfWorkspace();
  if (meetings.length <= 1) return meetings[0];
  const picked = await vscode.window.showQuickPick(
    meetings.map((dir) => ({ label: path.basename(dir), description: vscode.workspace.asRelativePath(dir), dir })),
    { placeHolder: 'Which meeting?' },
  );
  return picked?.dir;
}

module.exports = { findRk, meetingOf, currentMeeting, meetingsOfWorkspace };
