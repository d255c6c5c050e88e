/**
 * The fast path for reading a YAML data file: js-yaml's event parser builds
 * the value, and positions come from the same events, only when asked.
 *
 * It must read a file exactly as the `yaml` library does (YAML 1.2 core
 * schema, the library the error messages and their positions come from), so
 * it answers only when it is sure: a file with a syntax error, a tag, an
 * alias, a directive, a key that is not text, a lone CR or a byte-order mark
 * gets `undefined`, and the caller takes the `yaml` path. Likewise a position
 * it cannot place as `yaml` would (an empty value, a block scalar, a node with
 * an anchor) is `undefined`. test/util/fast-yaml.test.ts holds the two side
 * by side.
 */
import {
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  EVENT_ID,
  getScalarValue,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
  Schema,
  seqTag,
  strTag,
  type Event,
} from 'js-yaml';
import { yamlLib } from './yaml-lib.js';

// The `yaml` library's core schema (yaml/dist/schema/core), test for test and
// value for value: js-yaml's own core tags differ at the edges (a number too
// big for a double is Infinity there, text here).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** What `yaml` makes of a plain scalar. */
function resolvePlain(s: string): unknown {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return NOT_RESOLVED;
}

const loadOnly = () => false;
const nullTag = defineScalarTag('tag:yaml.org,2002:null', { implicit: true, resolve: (s) => (NULL.test(s) ? null : NOT_RESOLVED), identify: loadOnly });
const boolTag = defineScalarTag('tag:yaml.org,2002:bool', { implicit: true, resolve: (s) => (BOOL.test(s) ? s[0] === 't' || s[0] === 'T' : NOT_RESOLVED), identify: loadOnly });
const numberTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', ...'0123456789'],
  resolve: (s) => {
    const v = resolvePlain(s);
    return typeof v === 'number' ? v : NOT_RESOLVED;
  },
  identify: loadOnly,
});

/** A mapping as `yaml`'s toJS builds it: a null key is '', an own property even for `__proto__` or `toString`. */
const mapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair: (map, key, value) => {
    if (key !== null && typeof key === 'object') return 'not a text key';
    const k = key === null ? '' : String(key);
    if (k in map) Object.defineProperty(map, k, { value, writable: true, enumerable: true, configurable: true });
    else map[k] = value;
    return '';
  },
  has: (map, key) => (key === null || typeof key !== 'object') && Object.prototype.hasOwnProperty.call(map, key === null ? '' : String(key)),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[String(key)],
  identify: loadOnly,
});

const SCHEMA = new Schema([strTag, seqTag, mapTag, nullTag, boolTag, numberTag]);

/** js-yaml may place these differently from `yaml`, or read them differently: a lone CR, a byte-order mark, a document end marker (js-yaml skips an empty document before it). */
const UNSURE_TEXT = /\r(?!\n)|^\uFEFF|^\.\.\.(?:[ \t\r\n]|$)/m;

export interface Position {
  line: number;
  column: number;
}

export interface FastYaml {
  value: Record<string, unknown>;
  /** Where `yaml` would say the node at this path starts, or undefined when this cannot tell. */
  locate(path: Array<string | number>): Position | undefined;
}

/** The file's top-level mapping, or undefined when the `yaml` path must read it. */
export function fastParseYaml(text: string): FastYaml | undefined {
  if (UNSURE_TEXT.test(text)) return undefined;
  let events: Event[];
  let docs: unknown[];
  try {
    events = parseEvents(text, {});
    if (!plainEvents(events)) return undefined;
    docs = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  const value = docs.length === 1 ? docs[0] : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  return { value: value as Record<string, unknown>, locate: eventLocator(text, events) };
}

/** yaml refuses an implicit key longer than this (counted to its ':'); leave long keys to it. */
const MAX_KEY = 1000;

/** No directive, tag or alias, and every key a short, non-empty scalar: what both parsers read alike. */
function plainEvents(events: Event[]): boolean {
  let documents = 0;
  const isMap: boolean[] = [];
  const children: number[] = [];
  for (const e of events) {
    if (e.type === EVENT_ID.POP) {
      isMap.pop();
      children.pop();
      continue;
    }
    if (e.type === EVENT_ID.DOCUMENT) {
      // One document, without directives or an end marker (yaml reads `...` then more text as a second one).
      if (e.directives.length || e.explicitEnd || children.length || ++documents > 1) return false;
    } else {
      if (e.type === EVENT_ID.ALIAS || e.tagStart !== -1) return false;
      const top = children.length - 1;
      if (isMap[top] && children[top] % 2 === 0 && (e.type !== EVENT_ID.SCALAR || e.valueStart < 0 || e.valueEnd - e.valueStart > MAX_KEY)) return false;
      children[top]++;
    }
    if (e.type === EVENT_ID.DOCUMENT || e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
      isMap.push(e.type === EVENT_ID.MAPPING);
      children.push(0);
    }
  }
  return true;
}

/** A YAML text's value as `yaml`'s parse() gives it (which throws on a syntax error). */
export function parseYamlValue(text: string): unknown {
  return fastParseYaml(text)?.value ?? yamlLib().parse(text);
}

function eventLocator(text: string, events: Event[]): (path: Array<string | number>) => Position | undefined {
  let ends: Int32Array | undefined;
  let lineStarts: number[] | undefined;

  /** Index after the node that starts at event i (its subtree). */
  const end = (i: number): number => {
    if (!ends) {
      ends = new Int32Array(events.length + 1);
      const open: number[] = [];
      for (let k = 0; k < events.length; k++) {
        const t = events[k].type;
        if (t === EVENT_ID.SEQUENCE || t === EVENT_ID.MAPPING || t === EVENT_ID.DOCUMENT) open.push(k);
        else if (t === EVENT_ID.POP) ends[open.pop()!] = k + 1;
        else ends[k] = k + 1;
      }
    }
    return ends[i];
  };

  /** A key's value as `yaml` compares it with a path step (`it.key.value === step`). */
  const keyValue = (e: Event): unknown => {
    if (e.type !== EVENT_ID.SCALAR) return NOT_RESOLVED;
    const s = getScalarValue(text, e);
    if (e.style !== SCALAR_STYLE.PLAIN) return s;
    const v = resolvePlain(s);
    return v === NOT_RESOLVED ? s : v;
  };

  // Per collection, built when first walked through: a sequence's items, a mapping's keys.
  const items = new Map<number, number[]>();
  const keys = new Map<number, Map<unknown, number>>();
  const itemsOf = (i: number): number[] => {
    let list = items.get(i);
    if (!list) {
      list = [];
      for (let k = i + 1; events[k].type !== EVENT_ID.POP; k = end(k)) list.push(k);
      items.set(i, list);
    }
    return list;
  };
  const keysOf = (i: number): Map<unknown, number> => {
    let map = keys.get(i);
    if (!map) {
      map = new Map();
      const list = itemsOf(i);
      for (let k = 0; k + 1 < list.length; k += 2) {
        const key = keyValue(events[list[k]]);
        if (!map.has(key)) map.set(key, list[k + 1]);
      }
      keys.set(i, map);
    }
    return map;
  };

  /** Event index of the node at `path` (yaml's Document.getIn), or -1. */
  const getIn = (path: Array<string | number>): number => {
    let i = 1; // events[0] is the document
    for (const step of path) {
      const e = events[i];
      if (e.type === EVENT_ID.MAPPING) {
        const found = keysOf(i).get(step);
        if (found === undefined) return -1;
        i = found;
      } else if (e.type === EVENT_ID.SEQUENCE) {
        // yaml's asItemIndex: a numeric string counts as an index too.
        const index = typeof step === 'string' && step ? Number(step) : step;
        if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return -1;
        const list = itemsOf(i);
        if (index >= list.length) return -1;
        i = list[index];
      } else return -1;
    }
    return i;
  };

  /** Offset where `yaml`'s node range starts, or undefined when this cannot tell. */
  const startOf = (e: Event): number | undefined => {
    if (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) return e.anchorStart === -1 ? e.start : undefined;
    if (e.type !== EVENT_ID.SCALAR || e.anchorStart !== -1 || e.valueStart < 0) return undefined;
    if (e.style === SCALAR_STYLE.PLAIN) return e.valueStart;
    const quote = e.style === SCALAR_STYLE.SINGLE_QUOTED ? "'" : e.style === SCALAR_STYLE.DOUBLE_QUOTED ? '"' : undefined;
    return quote && text[e.valueStart - 1] === quote ? e.valueStart - 1 : undefined;
  };

  /** yaml's LineCounter.linePos: one line per '\n'. */
  const linePos = (offset: number): Position => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) lineStarts.push(k + 1);
    }
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lineStarts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    if (lineStarts[low] === offset) return { line: low + 1, column: 1 };
    return { line: low, column: offset - lineStarts[low - 1] + 1 };
  };

  // As load.ts's locator: walk up the path until a node exists.
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const i = getIn(path.slice(0, n));
      if (i < 0) continue;
      const start = startOf(events[i]);
      return start === undefined ? undefined : linePos(start);
    }
    return { line: 1, column: 1 };
  };
}

