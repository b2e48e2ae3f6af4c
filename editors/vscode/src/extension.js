// The rk extension: `rk lsp` as the language server of a meeting's
// Markdown and YAML (findings in the Problems panel, quick fixes,
// completion, hover), the commands "rk: Build meeting" and "rk: Preview",
// snippets, and rk's JSON Schemas for meeting.yaml and rk.toml.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { findRk, meetingOf, meetingsOfWorkspace, currentMeeting } = require('./rk');
const { build, Previews } = require('./commands');

let client;
let output;
let context;
let warned = false;

/** The rk to run, or undefined after saying clearly why there is none. */
function rkOrSay() {
  const found = findRk(context.extensionPath);
  if (found.path) return found.path;
  output.appendLine(found.error);
  if (!warned) {
    warned = true;
    vscode.window.showErrorMessage(found.error, 'Open Settings').then((choice) => {
      if (choice) vscode.commands.executeCommand('workbench.action.openSettings', 'rk.path');
    });
  }
  return undefined;
}

/** Starts `rk lsp` once (VS Code's client adds `--stdio`). */
async function startServer() {
  if (client) return;
  const rk = rkOrSay();
  if (!rk) return;
  const found = findRk(context.extensionPath);
  output.appendLine(`rk lsp: ${rk} (from ${found.from})`);
  client = new LanguageClient(
    'rk',
    'rk',
    { command: rk, args: ['lsp'], transport: TransportKind.stdio },
    {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'yaml' },
      ],
      outputChannel: output,
    },
  );
  await client.start();
}

async function stopServer() {
  const stopping = client;
  client = undefined;
  if (stopping) await stopping.stop();
}

/** A Markdown or YAML file inside a meeting folder. */
function isMeetingFile(doc) {
  return doc.uri.scheme === 'file'
    && (doc.languageId === 'markdown' || doc.languageId === 'yaml')
    && meetingOf(doc.uri.fsPath) !== undefined;
}

/**
 * Starts the server in a workspace of meetings, or when a file of a
 * meeting is opened: a Markdown file elsewhere starts nothing.
 */
async function startWhereMeetings() {
  const hasMeetings = vscode.workspace.textDocuments.some(isMeetingFile)
    || (await meetingsOfWorkspace()).length > 0;
  if (hasMeetings) await startServer();
}

function withMeeting(run) {
  return async () => {
    const dir = await currentMeeting();
    if (!dir) {
      vscode.window.showWarningMessage('rk: open a file of a meeting (a folder with meeting.yaml) first.');
      return;
    }
    const rk = rkOrSay();
    if (!rk) return;
    try {
      await run(rk, dir);
    } catch (err) {
      output.appendLine(String(err.message ?? err));
      vscode.window.showErrorMessage(`rk: ${err.message ?? err}`);
    }
  };
}

async function activate(ctx) {
  context = ctx;
  output = vscode.window.createOutputChannel('rk');
  const previews = new Previews(output);
  ctx.subscriptions.push(
    output,
    previews,
    vscode.commands.registerCommand('rk.build', withMeeting(build)),
    vscode.commands.registerCommand('rk.preview', withMeeting((rk, dir) => previews.show(rk, dir))),
    vscode.commands.registerCommand('rk.restartServer', async () => {
      await stopServer();
      warned = false;
      await startServer();
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!client && isMeetingFile(doc)) startServer();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('rk.path')) {
        await stopServer();
        warned = false;
        await startWhereMeetings();
      }
    }),
  );
  await startWhereMeetings();
}

function deactivate() {
  return stopServer();
}

module.exports = { activate, deactivate };
