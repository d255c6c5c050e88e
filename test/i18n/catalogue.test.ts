/**
 * The message catalogue: the same ids in Chinese and English, every id the
 * code uses exists in both, placeholders match, and the language is chosen
 * from --lang, then the locale environment, then Chinese.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/fixtures.js';
import { catalogueFile, languageFromEnv, LANGS, msg, parseLang, render, t } from '../../src/i18n/index.js';
import { chooseLanguage } from '../../src/cli/language.js';

const catalogues = Object.fromEntries(
  LANGS.map((lang) => [lang, JSON.parse(readFileSync(path.join(repoRoot, 'locales', `${catalogueFile[lang]}.json`), 'utf8')) as Record<string, string>]),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? sourceFiles(full) : n.endsWith('.ts') ? [full] : [];
  });
}

const prefixes = [...new Set(Object.keys(catalogues['zh-CN']).map((id) => id.split('.')[0]))];

/** Ids written literally in the code: msg('id' / t('id' / say(x, 'id' / both('id'. */
function idsInCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(path.join(repoRoot, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\b(?:msg|t|both|say\([^,()]+,)\s*\(?|message:)\s*'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'/g)) found.set(m[1], path.relative(repoRoot, file));
    // Any other literal that looks like an id of a catalogue area (tables of ids, such as slide part names).
    for (const m of text.matchAll(new RegExp(`'((?:${prefixes.join('|')})\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*)'`, 'g'))) if (!/\.(js|yaml|json|hbs)$/.test(m[1])) found.set(m[1], path.relative(repoRoot, file));
  }
  return found;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}|%s/g)].map((m) => m[0]).sort();

describe('message catalogue', () => {
  it('has the same ids in every language', () => {
    const [zh, en] = [Object.keys(catalogues['zh-CN']).sort(), Object.keys(catalogues.en).sort()];
    expect(zh.filter((id) => !en.includes(id)), 'ids missing in en.json').toEqual([]);
    expect(en.filter((id) => !zh.includes(id)), 'ids missing in zh_CN.json').toEqual([]);
    expect(zh.length).toBeGreaterThan(50);
  });

  it('has no empty text, and the same placeholders in both languages', () => {
    for (const id of Object.keys(catalogues['zh-CN'])) {
      const [zh, en] = [catalogues['zh-CN'][id], catalogues.en[id]];
      expect(zh.trim(), id).not.toBe('');
      expect(en.trim(), id).not.toBe('');
      expect(placeholders(zh), id).toEqual(placeholders(en));
    }
  });

  it('has every id the code uses', () => {
    const used = idsInCode();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([id]) => !(id in catalogues['zh-CN']) || !(id in catalogues.en)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it('Chinese texts are Chinese and English texts carry no Han characters', () => {
    for (const id of Object.keys(catalogues.en)) {
      // Allowed: 本次更新, the name of a slide that is Chinese whatever the message language, and figures as the data prints them.
      expect(catalogues.en[id].replace(/本次更新|第\d+位|\d[\d.]*[万亿]*[个元]?/g, ''), id).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const han = Object.values(catalogues['zh-CN']).filter((s) => /[\u4e00-\u9fff]/.test(s)).length;
    expect(han / Object.keys(catalogues['zh-CN']).length).toBeGreaterThan(0.9);
  });

  it('fills placeholders, lists and nested messages in each language', () => {
    const m = msg('io.template-not-found-hint', { available: ['a', 'b'] });
    expect(render(m, 'zh-CN')).toBe('写一个含 template.yaml 的文件夹，或以下模板之一：a、b');
    expect(render(m, 'en')).toBe('use a folder with a template.yaml, or one of: a, b');
    expect(t('io.template-not-found-hint', { available: msg('io.none') }, 'en')).toBe('use a folder with a template.yaml, or one of: (none)');
    expect(t('cli.more-warnings', { count: 1 }, 'en')).toBe('(1 more warning; --verbose shows all)');
    expect(t('cli.more-warnings', { count: 3 }, 'en')).toBe('(3 more warnings; --verbose shows all)');
  });
});

describe('choosing the language', () => {
  it('defaults to Chinese; an English locale in LC_ALL, LC_MESSAGES or LANG switches to English', () => {
    expect(languageFromEnv({})).toBe('zh-CN');
    expect(languageFromEnv({ LANG: 'C.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_MESSAGES: 'en_GB', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
  });

  it('--lang wins over the environment', () => {
    expect(chooseLanguage(['--lang', 'en'], {})).toBe('en');
    expect(chooseLanguage(['--lang=en'], {})).toBe('en');
    expect(chooseLanguage(['build', '--lang', 'zh'], { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(chooseLanguage(['build'], { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(parseLang('zh-CN')).toBe('zh-CN');
    expect(parseLang('fr')).toBeUndefined();
  });
});
