// Bundles src/ into dist/extension.js (vscode-languageclient inside, so the
// .vsix holds no node_modules) and copies rk's JSON Schemas from the
// repository's schemas/ into schemas/, where package.json's yamlValidation
// and tomlValidation point, and the licence.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMAS = ['meeting.schema.json', 'rk.toml.schema.json', 'item.schema.json'];

await build({
  entryPoints: [join(here, 'src/extension.js')],
  outfile: join(here, 'dist/extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
});

// vsce wants the licence beside the manifest.
copyFileSync(join(here, '../../LICENSE'), join(here, 'LICENSE'));

mkdirSync(join(here, 'schemas'), { recursive: true });
for (const name of SCHEMAS) {
  const from = join(here, '../../schemas', name);
  if (existsSync(from)) {
    copyFileSync(from, join(here, 'schemas', name));
  } else {
    process.stderr.write(`bundle: ../../schemas/${name} is missing: not in the extension\n`);
  }
}
