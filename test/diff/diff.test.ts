/**
 * The diff stage on two fixture data folders (test/fixtures/diff/old → new:
 * a made-up March 2026 article), through the library and `gen-report diff`.
 */
import { render, setLanguage } from '../../src/i18n/index.js';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeRows, diffData, diffFactBases, escapeCell, type FactChange } from '../../src/diff/index.js';
import { loadFactBase } from '../../src/facts/load.js';
import type { TextFile } from '../../src/facts/model.js';
import { fixtures, readData } from '../helpers/fixtures.js';
import { hasStackTrace, runCli } from '../helpers/cli.js';

const oldDir = path.join(fixtures, 'diff/old');
const newDir = path.join(fixtures, 'diff/new');
const oldData = readData(oldDir);
const newData = readData(newDir);

/** What a reader needs from each change, in order. */
const summary = (changes: FactChange[]) =>
  changes.map((c) => [c.kind, c.target, c.id, c.old?.figure ?? null, c.new?.figure ?? null, c.previous?.figure ?? null]);

const EXPECTED = [
  ['changed', 'value', 'cosmoplat-enterprises-served@2025-12', '超16万家', '超17万家', null],
  ['changed', 'rank', 'lemonbean-shuangkua-rank@2025', '第23位，上升6位', '第21位，上升8位', null],
  ['removed', 'value', 'qingdao-5g-base-stations@2020-09', '超1.2万个', null, null],
  ['added', 'value', 'qingdao-5g-base-stations@2026-03', null, '4.8万个', '4.6万个'],
  ['added', 'milestone', 'computing-net-2026', null, '2026年3月10日', null],
  ['added', 'source', 'qdrb-2026-03', null, '《青岛数字基础设施建设再提速》', null],
];

/** The fixture text with one replacement, checked to have happened. */
function edited(files: TextFile[], from: string, to: string): TextFile[] {
  return files.map((f) => {
    if (!f.text.includes(from)) throw new Error(`fixture lacks '${from}'`);
    return { ...f, text: f.text.replace(from, to) };
  });
}

describe('diffFactBases', () => {
  const { result, warnings } = diffData(oldData, newData);

  it('lists added, removed and changed facts, milestones and sources in a fixed order', () => {
    expect(summary(result)).toEqual(EXPECTED);
    expect(warnings).toEqual([]);
  });

  it('says which fields changed and carries as-of dates and source labels', () => {
    const rank = result.find((c) => c.id === 'lemonbean-shuangkua-rank@2025')!;
    expect(rank.fields).toEqual(['rank', 'movement', 'printed']);
    expect(rank.label).toBe('柠檬豆（跨行业跨领域工业互联网平台评价）');
    const added = result.find((c) => c.id === 'qingdao-5g-base-stations@2026-03')!;
    expect(added.label).toBe('青岛5G基站累计开通数');
    expect(added.new).toMatchObject({ asOf: '2026-03', asOfLabel: '2026年3月', source: 'qdrb-2026-03', sourceLabel: '青岛日报（2026年3月）', printed: '4.8万个' });
    // The series' latest point before the new one, from the old data.
    expect(added.previous).toMatchObject({ id: 'qingdao-5g-base-stations@2025-12', asOfLabel: '2025年12月' });
    const cosmo = result.find((c) => c.id.startsWith('cosmoplat'))!;
    expect(cosmo.label).toBe('卡奥斯赋能企业数'); // the name already says whose
    expect(cosmo.fields).toEqual(['value', 'printed']);
  });

  it('is symmetric: swapping the sides swaps added and removed', () => {
    const back = diffData(newData, oldData).result;
    const kinds = Object.fromEntries(back.map((c) => [c.id, c.kind]));
    expect(kinds).toMatchObject({
      'qingdao-5g-base-stations@2020-09': 'added',
      'qingdao-5g-base-stations@2026-03': 'removed',
      'cosmoplat-enterprises-served@2025-12': 'changed',
      'qdrb-2026-03': 'removed',
    });
    expect(back.find((c) => c.id === 'cosmoplat-enterprises-served@2025-12')!.new!.figure).toBe('超16万家');
    // A point added before every old point has no previous one to show.
    expect(back.find((c) => c.id === 'qingdao-5g-base-stations@2020-09')!.previous).toBeUndefined();
  });

  it('finds nothing between a fact base and itself', () => {
    const fb = loadFactBase(newData).result;
    expect(diffFactBases(fb, fb)).toEqual({ result: [], warnings: [] });
  });

  it('pairs a re-dated point (its default id changes) as one change, not a removal and an addition', () => {
    const moved = edited(oldData, 'asOf: 2024-03, source: qdrb-2024', 'asOf: 2024-02, source: qdrb-2024');
    const d = diffData(oldData, moved).result;
    expect(summary(d)).toEqual([['changed', 'value', 'qingdao-5g-base-stations@2024-02', '3.78万个', '3.78万个', null]]);
    expect(d[0].fields).toEqual(['id', 'asOf']);
    expect(d[0].old!.id).toBe('qingdao-5g-base-stations@2024-03');
    expect(changeRows(d)[0]).toMatchObject({ before: '3.78万个（2024年3月）', after: '3.78万个（2024年2月）', asOfLabel: '2024年3月 → 2024年2月' });
  });

  it('counts changes in notes or paragraph numbers without listing them', () => {
    const d = diffData(oldData, edited(oldData, 'source: qdrb-2024, para: 6', 'source: qdrb-2024, para: 7'));
    expect(d.result).toEqual([]);
    expect(d.warnings.map((w) => w.code)).toEqual(['diff-minor-changes']);
    expect(render(d.warnings[0].message, 'en')).toContain('qingdao-5g-base-stations@2024-03');
  });

  it('with asOf, compares both sides as known on that date', () => {
    // By 2026-01 the March article is unknown: only the corrections remain.
    expect(summary(diffData(oldData, newData, { asOf: '2026-01' }).result).map((s) => s[2])).toEqual([
      'cosmoplat-enterprises-served@2025-12',
      'lemonbean-shuangkua-rank@2025',
      'qingdao-5g-base-stations@2020-09',
    ]);
  });
});

describe('changeRows (the template context)', () => {
  const rows = changeRows(diffData(oldData, newData).result, (id) => id !== 'qingdao-5g-base-stations@2026-03');

  it('has one row per fact or milestone, every field a string, sources left out', () => {
    expect(rows.map((r) => r.kindLabel)).toEqual(['更新', '更新', '删除', '新增', '新增']);
    for (const r of rows) for (const v of Object.values(r)) expect(typeof v).toBe('string');
    expect(rows[0]).toMatchObject({ label: '卡奥斯赋能企业数', before: '超16万家', after: '超17万家（2025年12月）', factId: 'cosmoplat-enterprises-served@2025-12' });
    expect(rows[2]).toMatchObject({ before: '超1.2万个（2020年9月）', after: '已删除', factId: '' });
    expect(rows[3]).toMatchObject({ before: '此前：4.6万个（2025年12月）', after: '4.8万个（2026年3月）', factId: '' });
    expect(rows[4]).toMatchObject({ before: '新增', after: '2026年3月10日', factId: 'computing-net-2026' });
  });

  it('escapes what a Markdown table cell would misread', () => {
    expect(escapeCell('A|B *x* _y_ [z]')).toBe('A\\|B \\*x\\* \\_y\\_ \\[z\\]');
  });
});

describe('gen-report diff', () => {
  it('--json gives the same changes as the library, and exits 0', () => {
    const r = runCli(['diff', oldDir, newDir, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts).toEqual({ added: 3, removed: 1, changed: 2 });
    expect(summary(out.changes)).toEqual(EXPECTED);
    expect(out.old).toMatch(/diff[\\/]old$/);
  });

  it('prints a table with old → new, date, source and id; exits 0 also without changes', () => {
    const r = runCli(['diff', oldDir, newDir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 处变化（修改 2，新增 3，删除 1）');
    const line = r.stdout.split('\n').find((l) => l.includes('qingdao-5g-base-stations@2026-03'))!;
    expect(line).toMatch(/^新增\s+青岛5G基站累计开通数\s+4\.6万个（2025年12月） → 4\.8万个\s+2026年3月\s+青岛日报（2026年3月）\s+qingdao-5g-base-stations@2026-03$/);
    // Columns line up in terminal cells (a CJK character takes two).
    const header = r.stdout.split('\n').find((l) => l.startsWith('变化'))!;
    const cells = (text: string) => [...text].reduce((w, ch) => w + (/[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u.test(ch) ? 2 : 1), 0);
    const at = (text: string, cell: string) => cells(text.slice(0, text.indexOf(cell)));
    expect(at(line, '4.6万个')).toBe(at(header, '原数据 → 新数据'));
    expect(at(line, '青岛日报（2026年3月）')).toBe(at(header, '来源'));
    const same = runCli(['diff', oldDir, oldDir]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^没有变化：/);
    expect(runCli(['diff', oldDir, oldDir, '--lang', 'en']).stdout).toMatch(/^no changes: /);
  });

  it('reads git revisions: REV:PATH and a bare revision (the --data folder then)', () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'gen-report-diff-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    cpSync(oldDir, path.join(repo, 'data'), { recursive: true });
    git('add', '.');
    git('commit', '-qm', 'old');
    writeFileSync(path.join(repo, 'data/facts.yaml'), readFileSync(path.join(newDir, 'facts.yaml')));
    git('commit', '-qam', 'new');
    const rev = runCli(['diff', 'HEAD~1:data', 'HEAD:data', '--json'], { cwd: repo });
    expect(rev.stderr).toBe('');
    expect(summary(JSON.parse(rev.stdout).changes)).toEqual(EXPECTED);
    expect(JSON.parse(rev.stdout).old).toBe('HEAD~1:data');
    // Bare revision against the working folder, run from elsewhere with --data.
    const bare = runCli(['diff', 'HEAD~1', '--data', path.join(repo, 'data'), '--json'], { cwd: os.tmpdir() });
    expect(bare.code).toBe(0);
    expect(summary(JSON.parse(bare.stdout).changes)).toEqual(EXPECTED);
    expect(JSON.parse(bare.stdout).changes[3].new.sourceLabel).toBe('青岛日报（2026年3月）');
  });

  it('exits 2 on something that is neither a folder nor a revision, 1 on bad data, without stack traces', () => {
    const usage = runCli(['diff', 'no-such-folder-or-rev', newDir]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('“no-such-folder-or-rev”既不是文件夹，也不是包含数据文件夹的 git 版本');
    const bad = mkdtempSync(path.join(os.tmpdir(), 'gen-report-diff-bad-'));
    writeFileSync(path.join(bad, 'facts.yaml'), readFileSync(path.join(newDir, 'facts.yaml'), 'utf8').replace('value: 48000', 'value: "4.8万"'));
    const data = runCli(['diff', oldDir, bad]);
    expect(data.code).toBe(1);
    expect(data.stderr).toMatch(/facts\.yaml:\d+:\d+: value 应该是数字，这里是文字/);
    for (const r of [usage, data]) expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
