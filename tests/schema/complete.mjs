// Asks yaml-language-server, spoken to over standard input and output as
// an editor speaks to it, for completions in a YAML document.
//
//   node complete.mjs SCHEMA FILE LINE CHARACTER [modeline]
//
// The server is told in its settings that SCHEMA is the schema of FILE (as
// VS Code's YAML extension and rk's extension tell it), or, with
// `modeline`, not told: FILE names its schema in a
// `# yaml-language-server: $schema=...` line. FILE is opened with its text
// as it is on disk, completion is asked at LINE:CHARACTER (0-based), and
// the labels offered are printed, one a line; then the diagnostics the
// server published for FILE, each as `diagnostic: LINE: MESSAGE`.

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [schema, file, line, character, mode] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const server = join(dirname(require.resolve("yaml-language-server/package.json")), "bin", "yaml-language-server");
const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });

const uri = pathToFileURL(resolve(file)).href;
const schemaUri = pathToFileURL(resolve(schema)).href;
// The settings of the YAML extension: the schema for FILE, unless FILE
// names its own.
const schemas = mode === "modeline" ? {} : { [schemaUri]: [uri] };
// No schema store: nothing is fetched from the network.
const yaml = { validate: true, completion: true, hover: true, schemas, schemaStore: { enable: false } };
let nextId = 1;
const waiting = new Map();
const diagnostics = [];
// Settled when the server has validated FILE with its settings.
let validated;
const validation = new Promise((done) => (validated = done));

function send(message) {
  const body = JSON.stringify({ jsonrpc: "2.0", ...message });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((done) => waiting.set(id, done));
}
const notify = (method, params) => send({ method, params });

let buffer = Buffer.alloc(0);
child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
    buffer = buffer.subarray(end + 4 + length);
    if (message.id !== undefined && message.method) {
      // A request of the server's: the settings it pulls (its `yaml`
      // section; nothing for the others), or a registration.
      const result =
        message.method === "workspace/configuration"
          ? message.params.items.map((item) => (item.section === "yaml" ? yaml : {}))
          : null;
      send({ id: message.id, result });
    } else if (message.id !== undefined) {
      waiting.get(message.id)?.(message.result ?? { error: message.error });
    } else if (message.method === "textDocument/publishDiagnostics" && message.params.uri === uri) {
      diagnostics.splice(0, diagnostics.length, ...message.params.diagnostics);
      validated();
    }
  }
});

const timer = setTimeout(() => {
  console.error("yaml-language-server did not answer in 60 s");
  process.exit(3);
}, 60000);

await request("initialize", {
  processId: process.pid,
  rootUri: pathToFileURL(dirname(resolve(file))).href,
  capabilities: {
    workspace: { configuration: true },
    textDocument: { completion: { completionItem: { snippetSupport: true } } },
  },
});
notify("initialized", {});
notify("workspace/didChangeConfiguration", { settings: { yaml } });
notify("textDocument/didOpen", {
  textDocument: { uri, languageId: "yaml", version: 1, text: readFileSync(file, "utf8") },
});
// The settings are pulled and applied in the background: ask once the
// document was validated, and again while nothing is offered.
await validation;
let items = [];
for (let tries = 0; items.length === 0 && tries < 40; tries++) {
  if (tries > 0) await new Promise((done) => setTimeout(done, 250));
  const result = await request("textDocument/completion", {
    textDocument: { uri },
    position: { line: Number(line), character: Number(character) },
  });
  items = Array.isArray(result) ? result : (result?.items ?? []);
}
for (const item of items) console.log(item.label);
for (const d of diagnostics) console.log(`diagnostic: ${d.range.start.line}: ${d.message}`);
await request("shutdown", null);
notify("exit", null);
clearTimeout(timer);
