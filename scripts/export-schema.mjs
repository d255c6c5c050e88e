#!/usr/bin/env node
// Write schema/data.schema.json from the zod schema in src/facts/schema.ts.
// Transpiles the two source files on the fly (no build needed, so it works
// while other parts of the tree do not compile). `npm run schema`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside node_modules so that `import 'zod'` resolves from the transpiled files.
const out = join(root, 'node_modules', '.cache', 'gen-report-schema');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
for (const name of ['schema', 'json-schema']) {
  const source = readFileSync(join(root, 'src', 'facts', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(join(out, `${name}.js`), outputText);
}
const { dataJsonSchemaText } = await import(pathToFileURL(join(out, 'json-schema.js')).href);
const target = join(root, 'schema', 'data.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, dataJsonSchemaText());
console.log("wrote schema/data.schema.json");
