/**
 * Load the fact base from YAML texts (the CLI reads the files). Pure: texts in,
 * a typed FactBase and warnings out; every problem carries file:line:column.
 */
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, isMap, isNode, type Document, type Node as YamlNode } from 'yaml';
import { yamlToJs } from '../util/yaml-value.js';
import type { z } from 'zod';
import { sanitizeDeep } from '../util/sanitize.js';
import { DataError, type Problem } from '../errors.js';
import { dataFileSchema, type DataFile } from './schema.js';
import { assembleFactBase } from './assemble.js';
import type { FactBase, TextFile } from './model.js';
import type { StageResult } from '../model/document.js';

export interface ParsedFile {
  file: string;
  data: DataFile;
  /** Position of a YAML path (e.g. ['indicators', 0, 'points', 2, 'value']). */
  locate(path: Array<string | number>): { line: number; column: number };
}

function locator(doc: Document, counter: LineCounter) {
  return (path: Array<string | number>) => {
    // Walk down as far as the path exists, so a missing key points at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = counter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
      // Map values that are null: point at the key.
      if (n > 0) {
        const parent = doc.getIn(path.slice(0, n - 1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isNode(p.key) && (p.key as YamlNode & { value?: unknown }).value === path[n - 1]);
          if (pair && isNode(pair.key) && pair.key.range) {
            const pos = counter.linePos(pair.key.range[0]);
            return { line: pos.line, column: pos.col };
          }
        }
      }
    }
    return { line: 1, column: 1 };
  };
}

function describeIssue(issue: z.core.$ZodIssue): { message: string; hint?: string } {
  const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : 'file';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = (issue as { expected?: string }).expected;
      const received = issue.message.match(/received (\w+)/)?.[1];
      if (received === 'undefined') {
        return { message: `missing required field '${field}'`, hint: `add '${field}:' here (see docs/data.md for the fields of each record)` };
      }
      return {
        message: `'${field}' should be a ${expected}${received ? `, found ${received}` : ''}`,
        hint:
          expected === 'number'
            ? 'write the value as a plain number in base units, without units or quotes, e.g. 37800 for 3.78万'
            : expected === 'string'
              ? 'quote the text, e.g. "2025-12"'
              : undefined,
      };
    }
    case 'unrecognized_keys':
      return {
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`,
        hint: 'check the spelling against docs/data.md (the editor completes field names when the $schema line is at the top)',
      };
    case 'invalid_value':
      return { message: `'${field}' must be one of ${(issue as { values?: unknown[] }).values?.map(String).join(', ')}` };
    case 'too_small': {
      const min = (issue as { minimum?: number | bigint }).minimum;
      if ((issue as { origin?: string }).origin === 'array') {
        return { message: `'${field}' needs at least ${min} entr${min === 1 ? 'y' : 'ies'}` };
      }
      if ((issue as { origin?: string }).origin === 'string') return { message: `'${field}' must not be empty` };
      return {
        message: `'${field}' must be ${(issue as { inclusive?: boolean }).inclusive ? 'at least' : 'greater than'} ${min}`,
        hint: field === 'para' ? 'para counts the non-blank lines of the source file from 1' : undefined,
      };
    }
    case 'invalid_format':
    case 'custom':
      return { message: `'${field}': ${issue.message}` };
    default:
      return { message: `'${field}': ${issue.message}` };
  }
}

/**
 * A union (dates: a year number or a date string) reports one issue holding
 * each branch's issues; use the branch that got the right type, so the user
 * reads "expected a date written YYYY-MM" rather than "invalid input".
 */
function flattenIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const branches = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
  const relevant = branches.find((b) => b.length && b.every((i) => i.code !== 'invalid_type')) ?? branches.find((b) => b.length);
  if (!relevant) return issue;
  const inner = relevant[0];
  return flattenIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/**
 * A misspelt key shows up twice: as an unknown key and as a missing field of
 * the same record. Report it once, as "unknown field 'vaule' (did you mean 'value'?)".
 */
function mergeMisspellings(issues: z.core.$ZodIssue[]): Array<{ issue: z.core.$ZodIssue; meant?: string }> {
  const key = (path: PropertyKey[]) => JSON.stringify(path.map(String));
  const missing = (i: z.core.$ZodIssue) => i.code === 'invalid_type' && /received undefined/.test(i.message);
  const dropped = new Set<z.core.$ZodIssue>();
  const out: Array<{ issue: z.core.$ZodIssue; meant?: string }> = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys' || issue.keys.length !== 1) continue;
    const twin = issues.find(
      (i) =>
        missing(i) &&
        !dropped.has(i) &&
        key(i.path.slice(0, -1)) === key(issue.path) &&
        editDistance(String(i.path[i.path.length - 1]), issue.keys[0]) <= 2,
    );
    if (twin) dropped.add(twin);
    out.push({ issue, meant: twin ? String(twin.path[twin.path.length - 1]) : undefined });
  }
  return issues.filter((i) => !dropped.has(i)).map((i) => out.find((o) => o.issue === i) ?? { issue: i });
}

/** Parse and schema-check one YAML text. */
export function parseDataFile(file: string, text: string): { parsed?: ParsedFile; problems: Problem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      // Later syntax errors are mostly echoes of the first; report that one.
      problems: doc.errors.slice(0, 1).map((e) => {
        const pos = e.linePos?.[0] ?? counter.linePos(e.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          message: `YAML syntax error: ${e.message.split('\n')[0]}`,
          hint: /Missing closing/.test(e.message)
            ? 'a quote opened earlier is never closed: look above for an unmatched quote'
            : /keys must be unique/.test(e.message)
              ? 'this key appears twice in the same record; keep one'
              : 'check indentation and quoting on this line (text with a colon needs quotes)',
        };
      }),
    };
  }
  const locate = locator(doc, counter);
  // The one sanitiser: whatever a paste from Word or a PDF brought, before anything reads it.
  const value = yamlToJs(doc, counter, file);
  if ('problem' in value) return { problems: [value.problem] };
  const raw = sanitizeDeep(value.value ?? {});
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { problems: [{ file, line: 1, column: 1, message: 'a data file must be a mapping with keys such as indicators: or sources:' }] };
  }
  const checked = dataFileSchema.safeParse(raw);
  if (!checked.success) {
    return {
      problems: mergeMisspellings(checked.error.issues.map(flattenIssue)).map(({ issue, meant }) => {
        let path = issue.path as Array<string | number>;
        // Point at the first unknown key itself, not at the record holding it.
        if (issue.code === 'unrecognized_keys' && issue.keys.length) path = [...path, issue.keys[0]];
        const where = locate(path);
        const described = describeIssue(issue);
        if (meant) {
          return { file, ...where, message: `${described.message} (did you mean '${meant}'?)`, hint: `rename it to '${meant}'` };
        }
        return { file, ...where, ...described };
      }),
    };
  }
  return { parsed: { file, data: checked.data, locate }, problems: [] };
}

/** Hash of the data snapshot: file names and contents, in a stable order. */
export function hashData(files: TextFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    h.update(f.path).update('\0').update(f.text).update('\0');
  }
  return h.digest('hex');
}

/**
 * Load every data file into one FactBase. Throws DataError with all problems
 * found; returns warnings (stale figures, ...) that do not fail the build.
 */
export function loadFactBase(files: TextFile[], options: { asOf?: string } = {}): StageResult<FactBase> {
  const problems: Problem[] = [];
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    const r = parseDataFile(f.path, f.text);
    problems.push(...r.problems);
    if (r.parsed) parsed.push(r.parsed);
  }
  if (problems.length) throw new DataError(problems);
  const assembled = assembleFactBase(parsed, hashData(files), options);
  if (assembled.problems.length) throw new DataError(assembled.problems);
  return { result: assembled.factBase, warnings: assembled.warnings };
}
