import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/fixtures.js';

describe('choosing the default template', () => {
  it('reports the real error of a default template whose manifest it cannot read, not "no template"', () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'gen-report-default-'));
    // ./templates shadows the package's template of the same name.
    const dir = path.join(project, 'templates', 'qingdao-briefing');
    cpSync(path.join(repoRoot, 'templates', 'qingdao-briefing'), dir, { recursive: true });
    appendFileSync(path.join(dir, 'template.yaml'), 'colour: red\n');
    const r = runCli(['--format', 'pptx', '--data', path.join(repoRoot, 'data'), '--out', path.join(project, 'output')], { cwd: project });
    expect(r.code).toBe(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).not.toContain('没有能生成');
    expect(r.stderr).toMatch(/templates[\\/]qingdao-briefing[\\/]template\.yaml:\d+/);
    expect(r.stderr).toContain('colour');
  });
});
