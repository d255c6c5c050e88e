/**
 * Load the fact base from YAML texts (the CLI reads the files). Pure: texts in,
 * a typed FactBase and warnings out; every problem carries file:line:column.
 */
import { createHash } from 'node:crypto';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { yamlLib } from '../util/yaml-lib.js';
import { yamlToJs } from '../util/yaml-value.js';
import { fastParseYaml } from '../util/fast-yaml.js';
import type { z } from 'zod';
import { sanitizeDeep } from '../util/sanitize.js';
import { DataError, type Problem } from '../errors.js';
import { hasMessage, msg, type Text } from '../i18n/index.js';
import { yamlSyntaxProblem } from '../util/yaml-errors.js';
import { editDistance } from '../util/closest.js';
import { dataFileSchema, type DataFile } from './schema.js';
import { assembleFactBase } from './assemble.js';
import type { FactBase, TextFile } from './model.js';
import type { StageResult } from '../model/document.js';

export interface ParsedFile {
  file: string;
  data: DataFile;
  /** Ids of records left out for schema problems (already reported). */
  brokenIds?: string[];
  /** Position of a YAML path (e.g. ['indicators', 0, 'points', 2, 'value']). */
  locate(path: Array<string | number>): { line: number; column: number };
}

function locator(doc: Document, counter: LineCounter) {
  const { isMap, isNode } = yamlLib();
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

const TYPE_NAMES = new Set(['number', 'string', 'boolean', 'null', 'array', 'object', 'undefined']);
const typeName = (t: string | undefined) => (t && TYPE_NAMES.has(t) ? msg(`type.${t}`) : t ?? '');

/**
 * A zod issue in plain words. `line` is the text of the line it points at:
 * `primary: #1F4E79` reads as an empty value, because # starts a comment.
 */
export function describeIssue(issue: z.core.$ZodIssue, line: string): { message: Text; hint?: Text } {
  const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : '';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = (issue as { expected?: string }).expected;
      const received = issue.message.match(/received (\w+)/)?.[1];
      if (received === 'undefined') return { message: msg('data.field-missing', { field }), hint: msg('data.field-missing-hint', { field }) };
      if (received === 'null' && /:\s*#/.test(line)) return { message: msg('data.hash-comment', { field }), hint: msg('data.hash-comment-hint') };
      if (received === 'null') return { message: msg('data.field-empty-value', { field }), hint: msg('data.field-empty-value-hint', { field }) };
      const found = received ? typeName(received) : '';
      if (expected === 'number') return { message: msg('data.field-not-number', { field, found }), hint: msg('data.number-hint') };
      if (expected === 'string') return { message: msg('data.field-not-text', { field, found }), hint: msg('data.text-hint') };
      return { message: msg('data.field-wrong-type', { field, expected: typeName(expected), found }) };
    }
    case 'unrecognized_keys':
      return { message: msg('data.unknown-field', { fields: issue.keys, count: issue.keys.length }), hint: msg('data.unknown-field-hint') };
    case 'invalid_value':
      return { message: msg('data.field-one-of', { field, values: ((issue as { values?: unknown[] }).values ?? []).map(String) }) };
    case 'too_small':
    case 'too_big': {
      // Our own schema's wording (a catalogue id) says more than a bare bound.
      if (hasMessage(issue.message, 'en')) return { message: msg(issue.message, { field }) };
      if (issue.code === 'too_big') return { message: msg('data.field-invalid', { field, detail: issue.message }) };
      const min = Number((issue as { minimum?: number | bigint }).minimum);
      const origin = (issue as { origin?: string }).origin;
      if (origin === 'array') return { message: msg('data.field-too-few', { field, min, count: min }) };
      if (origin === 'string') return { message: msg('data.field-empty', { field }) };
      const inclusive = (issue as { inclusive?: boolean }).inclusive;
      return { message: msg(inclusive ? 'data.field-at-least' : 'data.field-greater-than', { field, min }), hint: field === 'para' ? msg('data.para-hint') : undefined };
    }
    default:
      // Our own schema messages are catalogue ids; zod's are shown as they are.
      return { message: hasMessage(issue.message, 'en') ? msg(issue.message, { field }) : msg('data.field-invalid', { field, detail: issue.message }) };
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

/** A file's value and where its nodes are, or the problem that stops it being read. */
type ReadYaml = { value: unknown; locate: ParsedFile['locate'] } | { problem: Problem };

/** The `yaml` library's reading: its errors and positions are the ones users see. */
export function readWithYaml(file: string, text: string): ReadYaml {
  const { LineCounter, parseDocument, isMap } = yamlLib();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) return { problem: yamlSyntaxProblem(file, text, doc.errors[0], counter) };
  const value = yamlToJs(doc, counter, file);
  if ('problem' in value) return value;
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { problem: { file, line: 1, column: 1, message: msg('data.not-a-mapping'), hint: msg('data.not-a-mapping-hint') } };
  }
  return { value: value.value, locate: locator(doc, counter) };
}

/**
 * A well-formed file is read by the fast parser; positions come from its
 * events, and from `yaml` (parsed then, once) for a node it cannot place.
 * Anything else is read by `yaml`, so every message stays as it was.
 */
function readYaml(file: string, text: string): ReadYaml {
  const fast = fastParseYaml(text);
  if (!fast) return readWithYaml(file, text);
  let exact: ParsedFile['locate'] | undefined;
  const slowLocate = (path: Array<string | number>) => {
    if (!exact) {
      const read = readWithYaml(file, text);
      if ('problem' in read) throw new Error(`fast YAML reading accepted a file yaml rejects: ${file}`);
      exact = read.locate;
    }
    return exact(path);
  };
  return { value: fast.value, locate: (path) => fast.locate(path) ?? slowLocate(path) };
}

/** Parse and schema-check one YAML text. */
export function parseDataFile(file: string, text: string): { parsed?: ParsedFile; problems: Problem[] } {
  const read = readYaml(file, text);
  if ('problem' in read) return { problems: [read.problem] };
  const { locate } = read;
  // The one sanitiser: whatever a paste from Word or a PDF brought, before anything reads it.
  const raw = sanitizeDeep(read.value ?? {});
  const checked = dataFileSchema.safeParse(raw);
  if (checked.success) return { parsed: { file, data: checked.data, locate }, problems: [] };
  const lines = text.split(/\r\n|\r|\n/);
  const problems = mergeMisspellings(checked.error.issues.map(flattenIssue)).map(({ issue, meant }): Problem => {
    let path = issue.path as Array<string | number>;
    // Point at the first unknown key itself, not at the record holding it.
    if (issue.code === 'unrecognized_keys' && issue.keys.length) path = [...path, issue.keys[0]];
    const where = locate(path);
    if (meant) return { file, ...where, message: msg('data.unknown-field-meant', { field: (issue as { keys: string[] }).keys[0], meant }), hint: msg('data.rename-to', { meant }) };
    return { file, ...where, ...describeIssue(issue, lines[where.line - 1] ?? '') };
  });
  // Records without schema problems are still checked, so one run reports all the errors it can.
  const partial = withoutBrokenRecords(raw as Record<string, unknown>, checked.error.issues);
  return { parsed: partial && { file, data: partial.data, locate: (path) => locate(partial.originalPath(path)), brokenIds: partial.brokenIds }, problems };
}

/**
 * The file with every record that has a schema problem left out (a point, or
 * a whole record), and the ids of those records: references to them are not
 * reported as unknown, since the record exists, only with an error.
 */
function withoutBrokenRecords(
  raw: Record<string, unknown>,
  issues: z.core.$ZodIssue[],
): { data: DataFile; brokenIds: string[]; originalPath: (path: Array<string | number>) => Array<string | number> } | undefined {
  const brokenIds: string[] = [];
  // Indexes to drop, per array, keyed by the array's path in the file.
  const drop = new Map<string, Set<number>>();
  const add = (key: Array<string | number>, index: number) => {
    const k = JSON.stringify(key);
    (drop.get(k) ?? drop.set(k, new Set()).get(k)!).add(index);
  };
  for (const issue of issues) {
    const [section, index, sub, subIndex] = issue.path;
    const list = raw[section as string];
    if (!Array.isArray(list) || typeof index !== 'number') return undefined; // a top-level problem: nothing to keep apart
    const record = list[index] as Record<string, unknown> | undefined;
    if (sub === 'points' && Array.isArray(record?.points) && typeof subIndex === 'number') add([section as string, index, 'points'], subIndex);
    else {
      if (typeof record?.id === 'string') brokenIds.push(record.id);
      add([section as string], index);
    }
  }
  // New index → index in the file, per array, so positions still point at the right line.
  const kept = new Map<string, number[]>();
  const keep = (key: Array<string | number>, list: unknown[]) => {
    const gone = drop.get(JSON.stringify(key)) ?? new Set<number>();
    const indexes = list.map((_, i) => i).filter((i) => !gone.has(i));
    kept.set(JSON.stringify(key), indexes);
    return indexes.map((i) => list[i]);
  };
  const copy: Record<string, unknown> = { ...raw };
  for (const [section, value] of Object.entries(raw)) {
    if (!Array.isArray(value)) continue;
    copy[section] = keep([section], value).map((record, k) => {
      const r = record as Record<string, unknown>;
      const i = kept.get(JSON.stringify([section]))![k];
      return r && typeof r === 'object' && Array.isArray(r.points) ? { ...r, points: keep([section, i, 'points'], r.points) } : r;
    });
  }
  const again = dataFileSchema.safeParse(copy);
  if (!again.success) return undefined;
  const originalPath = (path: Array<string | number>) => {
    const out: Array<string | number> = [];
    for (const step of path) {
      const map = typeof step === 'number' ? kept.get(JSON.stringify(out)) : undefined;
      out.push(map && typeof step === 'number' ? (map[step] ?? step) : step);
    }
    return out;
  };
  return { data: again.data, brokenIds, originalPath };
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
 * Parsed data files kept between builds (watch, preview): a file whose text
 * has not changed is not parsed and schema-checked again. One entry per path,
 * so the cache never holds more than the data folder.
 */
export class ParsedFileCache {
  private readonly byPath = new Map<string, { text: string; result: ReturnType<typeof parseDataFile> }>();
  /** Files parsed afresh / taken from the cache, over the cache's life. */
  parsed = 0;
  reused = 0;

  get(file: string, text: string): ReturnType<typeof parseDataFile> {
    const hit = this.byPath.get(file);
    if (hit && hit.text === text) {
      this.reused++;
      return hit.result;
    }
    const result = parseDataFile(file, text);
    this.parsed++;
    this.byPath.set(file, { text, result });
    return result;
  }
}

/**
 * Load every data file into one FactBase. Throws DataError with all problems
 * found; returns warnings (stale figures, ...) that do not fail the build.
 */
export function loadFactBase(files: TextFile[], options: { asOf?: string; today?: string; cache?: ParsedFileCache } = {}): StageResult<FactBase> {
  const problems: Problem[] = [];
  const parsed: ParsedFile[] = [];
  let unreadable = false;
  const { cache, ...assembleOptions } = options;
  for (const f of files) {
    const r = cache ? cache.get(f.path, f.text) : parseDataFile(f.path, f.text);
    problems.push(...r.problems);
    if (r.parsed) parsed.push(r.parsed);
    else unreadable = true;
  }
  // Checked together: a schema error in one record does not hide the errors elsewhere.
  const assembled = assembleFactBase(parsed, hashData(files), { ...assembleOptions, partial: unreadable });
  problems.push(...assembled.problems);
  if (problems.length) throw new DataError(problems);
  return { result: assembled.factBase, warnings: assembled.warnings };
}
