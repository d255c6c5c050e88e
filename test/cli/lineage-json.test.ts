import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gen-report-json-'));
const written = (out: string) => readdirSync(out).filter((n) => !n.startsWith('.')).sort();

describe('--format json: the lineage manifest', () => {
  it('alone writes only the default deck\'s manifest; beside docx, the report\'s', () => {
    const out = tmp();
    const r = runCli(['--format', 'json', '--out', out, '--as-of', '2026-01']);
    expect(r.code).toBe(0);
    expect(written(out)).toEqual(['qingdao-briefing-2026-01.lineage.json']);
    const deck = JSON.parse(readFileSync(path.join(out, 'qingdao-briefing-2026-01.lineage.json'), 'utf8'));
    expect(deck).toMatchObject({ version: 1, template: 'qingdao-briefing', asOf: '2026-01' });
    const fiveg = deck.sections.find((s: { title: string }) => s.title === '5G网络建设');
    expect(fiveg.figures[0]).toMatchObject({ factId: 'qingdao-5g-base-stations@2020-09', shown: '超1.2万个', place: 'chart', printed: '超过1.2万个', source: { publisher: '半岛全媒体', published: '2020-09' } });
    expect(fiveg.figures[0].para).toBeGreaterThan(0);

    const both = tmp();
    expect(runCli(['--format', 'docx,json', '--out', both, '--as-of', '2026-01']).code).toBe(0);
    expect(written(both)).toEqual(['qingdao-report-2026-01.docx', 'qingdao-report-2026-01.lineage.json']);
  });
});
