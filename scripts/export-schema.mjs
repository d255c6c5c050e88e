#!/usr/bin/env node
// Write schema/data.schema.json (from src/facts/schema.ts), and
// schema/template.schema.json and schema/charts.schema.json (from
// src/templates/schema.ts). Transpiles those source files on the fly (no
// build needed, so it works while other parts of the tree do not compile).
// `npm run schema`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside node_modules so that `import 'zod'` resolves from the transpiled files.
const out = join(root, 'node_modules', '.cache', 'gen-report-schema');
// The schema modules and what they import (dependency-free files only).
const modules = ['limits', 'facts/schema', 'facts/json-schema', 'templates/schema', 'templates/json-schema'];
for (const name of modules) {
  const source = readFileSync(join(root, 'src', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  mkdirSync(dirname(join(out, `${name}.js`)), { recursive: true });
  writeFileSync(join(out, `${name}.js`), outputText);
}
writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
const write = (name, text) => {
  const target = join(root, 'schema', name);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote schema/${name}`);
};
const { dataJsonSchemaText } = await import(pathToFileURL(join(out, 'facts', 'json-schema.js')).href);
write('data.schema.json', dataJsonSchemaText());
const { templateJsonSchemaTexts } = await import(pathToFileURL(join(out, 'templates', 'json-schema.js')).href);
for (const [name, text] of Object.entries(templateJsonSchemaTexts())) write(name, text);
