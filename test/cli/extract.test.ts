/**
 * `gen-report paragraphs` and `gen-report extract` as a user runs them: the
 * paragraph numbers check-sources uses, the review table in Chinese and
 * English, --json and --yaml, refusals of files that are not UTF-8 text, and
 * nothing written into data/. The article here is invented (test/fixtures/articles).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli, hasStackTrace } from '../helpers/cli.js';
import { repoRoot } from '../helpers/fixtures.js';
import { yamlFiles } from '../facts/helpers.js';
import { paragraphs } from '../../src/facts/check-sources.js';
import { sourceTextsDir, skipWithoutSourceTexts } from '../helpers/source-texts.js';

const article = path.join(repoRoot, 'test/fixtures/articles/invented-city.txt');
const SOURCE = 'qdrb-2024-03-digital-economy';

function dataHash(): string {
  const h = createHash('sha256');
  for (const f of yamlFiles(path.join(repoRoot, 'data'))) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

describe('gen-report paragraphs', () => {
  it('numbers the non-blank lines exactly as check-sources counts them', () => {
    const r = runCli(['paragraphs', article, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { paragraphs: Array<{ para: number; text: string }> };
    const expected = paragraphs(readFileSync(article, 'utf8'));
    expect(out.paragraphs.map((p) => p.text)).toEqual(expected);
    expect(out.paragraphs.map((p) => p.para)).toEqual(expected.map((_, i) => i + 1));
    // The file has blank lines: the third paragraph is the fifth line.
    expect(out.paragraphs[2].text).toMatch(/^2023年/);
  });

  it.skipIf(skipWithoutSourceTexts)('agrees with check-sources on every article', () => {
    for (const file of ['000_64e097d0074409a1.txt', '003_f0a55db7695c555a.txt']) {
      const full = path.join(sourceTextsDir, file);
      const r = runCli(['paragraphs', full]);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      const list = paragraphs(readFileSync(full, 'utf8'));
      expect(lines[0]).toContain(`共 ${list.length} 段`);
      expect(lines.length).toBe(list.length + 1);
      list.forEach((p, i) => expect(lines[i + 1].trim().startsWith(`${i + 1}  `) && lines[i + 1].endsWith(p)).toBe(true));
    }
  });
});

describe('gen-report extract', () => {
  let before: string;
  beforeAll(() => {
    before = dataHash();
  });

  it('prints a review table in Chinese with the figures of the article', () => {
    const r = runCli(['extract', article, '--source', SOURCE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('段');
    expect(r.stdout).toContain('可能的序列（置信度）');
    expect(r.stdout).toMatch(/截至8月底/);
    for (const printed of ['36个', '1.25万家', '突破2180亿元', '3.4个百分点', '约3.6万P', '小于1.25', '20个以上', '5000余家', '超过8000家', '九成以上', '千亿级', '30余万吨', '近40万平方米', '1.8万亩', '上千', '百个', '两份']) expect(r.stdout, printed).toContain(printed);
    expect(r.stderr).toBe('');
  });

  it('speaks English with --lang en', () => {
    const r = runCli(['extract', article, '--source', SOURCE, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('likely series (confidence)');
    expect(r.stdout).toContain('end of month');
  });

  it('gives every figure to scripts with --json', () => {
    const r = runCli(['extract', article, '--source', SOURCE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { proposals: Array<{ para: number; printed: string; value: number; unit: string; qualifier: string; asOf: string; target?: { targetYear: number }; series: Array<{ id: string }> }> };
    const by = (printed: string) => out.proposals.find((p) => p.printed === printed)!;
    expect(by('1.25万家')).toMatchObject({ para: 2, value: 12500, unit: '家', qualifier: 'exact', asOf: '2023-08-31' });
    expect(by('突破2180亿元')).toMatchObject({ para: 3, value: 218000000000, unit: '元', qualifier: 'more-than', asOf: '2023' });
    expect(by('约3.6万P')).toMatchObject({ value: 36000, unit: 'P', qualifier: 'about', asOf: '2024-03' });
    expect(by('20个以上')).toMatchObject({ qualifier: 'at-least', target: { targetYear: 2027 } });
    expect(by('5.5万个').series[0].id).toBe('qingdao-5g-base-stations');
  });

  it('prints YAML stubs, each with the sentence it came from', () => {
    const r = runCli(['extract', article, '--source', SOURCE, '--yaml']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(r.stdout) as { points?: Record<string, unknown[]>; targets?: unknown[] };
    expect(Object.keys(doc.points ?? {})).toContain('qingdao-5g-base-stations');
    expect(r.stdout).toMatch(/# 第4段：“目前，全市算力规模约3\.6万P/);
    expect(doc.targets?.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses --yaml with --json, and an unknown source with the nearest id', () => {
    expect(runCli(['extract', article, '--source', SOURCE, '--yaml', '--json']).code).toBe(2);
    const r = runCli(['extract', article, '--source', 'qdrb-2024-03-digital-econmy']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('数据中没有来源 qdrb-2024-03-digital-econmy');
    expect(r.stderr).toContain(SOURCE);
  });

  it('refuses GBK, UTF-16 and binary files in Chinese, without a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'extract-'));
    const gbk = path.join(dir, 'gbk.txt');
    writeFileSync(gbk, Buffer.from([0x31, 0x0a, 0xba, 0xa3, 0xb1, 0xf5, 0xca, 0xd0, 0x0a])); // 海滨市 in GBK
    const utf16 = path.join(dir, 'utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('海滨市36个', 'utf16le')]));
    const binary = path.join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x41, 0x0a, 0x00, 0x01, 0x02, 0x42]));
    for (const [file, words] of [[gbk, 'UTF-8'], [utf16, 'UTF-16'], [binary, '不是文本文件']] as const) {
      for (const command of ['extract', 'paragraphs']) {
        const r = runCli(command === 'extract' ? [command, file, '--source', SOURCE] : [command, file]);
        expect(r.code, `${command} ${file}`).not.toBe(0);
        expect(r.code).not.toBe(4);
        expect(r.stderr).toContain(words);
        expect(r.stderr).toContain(path.basename(file));
        expect(hasStackTrace(r.stderr)).toBe(false);
      }
    }
    expect(runCli(['paragraphs', gbk, '--lang', 'en']).stderr).toContain('not UTF-8');
  });

  it('never writes into data/', () => {
    for (const extra of [[], ['--json'], ['--yaml']]) runCli(['extract', article, '--source', SOURCE, ...extra]);
    expect(dataHash()).toBe(before);
  });
});
