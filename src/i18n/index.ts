/**
 * The message catalogue: every user-facing text has an id, and its wording in
 * Simplified Chinese (the default) and English lives in locales/zh_CN.json and
 * locales/en.json, read by y18n (the catalogue library yargs itself uses).
 *
 * Pure stages never render text: they put `msg(id, params)` into their
 * problems and warnings, and the CLI renders them in the language the user
 * chose (`--lang`, else the locale environment, else Chinese).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import y18n from 'y18n';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** A parameter: plain text, a number, a list (joined the language's way) or another message. */
export type Param = string | number | Message | ReadonlyArray<string | number | Message>;
export type Params = Readonly<Record<string, Param>>;

/** A catalogue message not yet rendered: what pure stages carry. */
export interface Message {
  readonly id: string;
  readonly params?: Params;
}

/** Text shown to the user: a catalogue message (or, for data such as a file name, literal text). */
export type Text = string | Message;

export const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');
/** Catalogue file names follow yargs' (zh_CN.json), so its own strings use the same convention. */
export const catalogueFile: Record<Lang, string> = { 'zh-CN': 'zh_CN', en: 'en' };

type Catalogue = ReturnType<typeof y18n>;
const catalogues = new Map<Lang, Catalogue>();
let current: Lang = DEFAULT_LANG;

function catalogue(lang: Lang): Catalogue {
  let c = catalogues.get(lang);
  if (!c) {
    c = y18n({ directory: localesDir, locale: catalogueFile[lang], updateFiles: false, fallbackToLanguage: false });
    catalogues.set(lang, c);
  }
  return c;
}

export function msg(id: string, params?: Params): Message {
  return params ? { id, params } : { id };
}

export function isMessage(x: unknown): x is Message {
  return typeof x === 'object' && x !== null && typeof (x as Message).id === 'string';
}

/** The language messages render in when none is given (the CLI sets it once). */
export function setLanguage(lang: Lang): void {
  current = lang;
}

export function getLanguage(): Lang {
  return current;
}

/** `en`, `en-US`, `en_GB.UTF-8` → en; `zh`, `zh-CN`, `zh_CN.UTF-8`, `cn` → zh-CN; else undefined. */
export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (/^en([-_.@]|$)/.test(v)) return 'en';
  if (/^(zh|cn)([-_.@]|$)/.test(v)) return 'zh-CN';
  return undefined;
}

/**
 * The language the locale environment asks for, POSIX order: LC_ALL, then
 * LC_MESSAGES, then LANG; the first one set decides. Only English switches
 * away from Chinese (C, POSIX or another language keep the default).
 */
export function languageFromEnv(env: Record<string, string | undefined>): Lang {
  const set = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return parseLang(set) === 'en' ? 'en' : DEFAULT_LANG;
}

function lookup(id: string, lang: Lang): string {
  const text = catalogue(lang).__(id);
  return text;
}

/** Is this id in the catalogue of that language? */
export function hasMessage(id: string, lang: Lang = current): boolean {
  return lookup(id, lang) !== id;
}

function renderParam(p: Param, lang: Lang): string {
  if (Array.isArray(p)) return p.map((x) => renderParam(x as Param, lang)).join(lang === 'en' ? ', ' : '、');
  if (isMessage(p)) return t(p.id, p.params, lang);
  return String(p);
}

/**
 * The text of message `id` with `{name}` placeholders filled. A message whose
 * English wording depends on a `count` may have an `id#one` entry for 1.
 */
export function t(id: string, params: Params = {}, lang: Lang = current): string {
  const one = `${id}#one`;
  const template = params.count === 1 && hasMessage(one, lang) ? lookup(one, lang) : lookup(id, lang);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? renderParam(params[name], lang) : whole));
}

/** Render text for the user: a message through the catalogue, a plain string as it is. */
export function render(text: Text | undefined, lang: Lang = current): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : t(text.id, text.params, lang);
}

/** A RangeError from a pure formatter (a date or number it cannot write), carrying its catalogue message. */
export class MessageRangeError extends RangeError {
  constructor(readonly text: Message) {
    super(t(text.id, text.params, 'en'));
  }
}
