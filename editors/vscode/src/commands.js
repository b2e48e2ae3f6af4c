// "rk: Build meeting" (a task whose findings go to the Problems panel) and
// "rk: Preview" (`rk watch --serve` shown in the Simple Browser).
'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');
const vscode = require('vscode');

/** How long the first build of a preview may take before giving up. */
const PREVIEW_START_MS = 180_000;

/** Saves the meeting's unsaved files: rk reads what is on disk. */
async function saveMeeting(dir) {
  const inside = (doc) => doc.uri.scheme === 'file' && doc.uri.fsPath.startsWith(dir + path.sep);
  await Promise.all(vscode.workspace.textDocuments.filter((d) => d.isDirty && inside(d)).map((d) => d.save()));
}

function folderOf(dir) {
  return vscode.workspace.getWorkspaceFolder(vscode.Uri.file(dir))
    ?? vscode.workspace.workspaceFolders?.[0];
}

/** `rk build MEETING` as a task, its findings read by the `$rk` matcher. */
async function build(rk, dir) {
  await saveMeeting(dir);
  const folder = folderOf(dir);
  const cwd = folder ? folder.uri.fsPath : path.dirname(dir);
  const meeting = path.relative(cwd, dir) || '.';
  const task = new vscode.Task(
    { type: 'rk', meeting },
    folder ?? vscode.TaskScope.Workspace,
    `build ${path.basename(dir)}`,
    'rk',
    new vscode.ProcessExecution(rk, ['build', meeting], { cwd }),
    ['$rk'],
  );
  task.group = vscode.TaskGroup.Build;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
  await vscode.tasks.executeTask(task);
}

/** The `rk watch --serve` of each meeting previewed: `{ child, url }`. */
class Previews {
  constructor(output) {
    this.output = output;
    this.running = new Map();
  }

  /** Starts (or reuses) the watch of `dir` and shows its page. */
  async show(rk, dir) {
    await saveMeeting(dir);
    let url = this.running.get(dir)?.url;
    if (!url) {
      url = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `rk: building ${path.basename(dir)} for the preview` },
        () => this.start(rk, dir),
      );
    }
    await vscode.commands.executeCommand('simpleBrowser.api.open', vscode.Uri.parse(url), {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
    });
  }

  /** Starts `rk watch DIR --serve --port 0`; resolves to the page's address. */
  start(rk, dir) {
    const folder = folderOf(dir);
    const cwd = folder ? folder.uri.fsPath : path.dirname(dir);
    const child = spawn(rk, ['watch', dir, '--serve', '--port', '0'], { cwd, windowsHide: true });
    const entry = { child, url: undefined };
    this.running.set(dir, entry);
    return new Promise((resolve, reject) => {
      let said = '';
      const timer = setTimeout(() => {
        reject(new Error(`rk watch did not serve ${path.basename(dir)} within ${PREVIEW_START_MS / 1000} s`));
        child.kill();
      }, PREVIEW_START_MS);
      const read = (chunk) => {
        const text = chunk.toString();
        this.output.append(text);
        said = (said + text).slice(-4000);
        const served = /serving (http:\/\/[^\s/]+\/)/.exec(said);
        if (served && !entry.url) {
          entry.url = served[1];
          clearTimeout(timer);
          resolve(entry.url);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('error', (err) => {
        clearTimeout(timer);
        this.running.delete(dir);
        reject(err);
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        this.running.delete(dir);
        if (!entry.url) {
          reject(new Error(`rk watch stopped (exit ${code}):\n${said.trim()}`));
        }
      });
    });
  }

  dispose() {
    for (const { child } of this.running.values()) child.kill();
    this.running.clear();
  }
}

module.exports = { build, Previews };
