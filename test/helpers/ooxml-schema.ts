/**
 * Schema validation of generated packages against the ISO/IEC 29500
 * transitional schemas, with the shared reference validator
 * (`ooxml_validate.py`: markup compatibility, schemas, package rules).
 *
 * The reference folder is `../shared/reference` beside the repository (CI
 * clones the repo next to a copy of shared/); GEN_REPORT_REFERENCE_DIR
 * overrides it, GEN_REPORT_PYTHON the interpreter (Debian's, which has
 * python3-lxml; `python3` on PATH may be another one).
 *
 *   const v = schemaValidator();          // undefined + `whyNot` when unavailable
 *   const errors = await v.validate(buf, 'deck.pptx');   // [] when valid
 *
 * One python process per test file answers every request, so the schemas are
 * compiled once.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './fixtures.js';

export const referenceDir = path.resolve(repoRoot, process.env.GEN_REPORT_REFERENCE_DIR ?? '../shared/reference');
const python = process.env.GEN_REPORT_PYTHON ?? '/usr/bin/python3';
const wrapper = path.join(repoRoot, 'test/helpers/ooxml_validate_many.py');

interface Answer {
  file: string;
  parts: number;
  errors: string[];
}

/** Why schema validation cannot run here, or undefined when it can. */
function unavailable(): string | undefined {
  if (!existsSync(path.join(referenceDir, 'ooxml_validate.py')) || !existsSync(path.join(referenceDir, 'ooxml-schemas'))) {
    return `no OOXML schemas at ${referenceDir} (set GEN_REPORT_REFERENCE_DIR to the folder holding ooxml_validate.py and ooxml-schemas/)`;
  }
  const probe = spawnSync(python, ['-c', 'import lxml.etree'], { encoding: 'utf8' });
  if (probe.status !== 0) return `${python} cannot import lxml (apt-get install python3-lxml, or set GEN_REPORT_PYTHON)`;
  return undefined;
}

export const whyNoSchemas = unavailable();
if (whyNoSchemas) console.warn(`OOXML schema validation skipped: ${whyNoSchemas}`);

export class SchemaValidator {
  private child: ChildProcessWithoutNullStreams;
  private pending: Array<(a: Answer) => void> = [];
  private ready: Promise<void>;
  private dir = mkdtempSync(path.join(os.tmpdir(), 'gen-report-xsd-'));
  private count = 0;
  private stderr = '';

  constructor() {
    this.child = spawn(python, [wrapper, referenceDir, '--serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    const lines = createInterface({ input: this.child.stdout });
    let resolveReady!: () => void;
    this.ready = new Promise((r) => (resolveReady = r));
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as Answer | { ready: true };
      if ('ready' in msg) resolveReady();
      else this.pending.shift()?.(msg);
    });
    this.child.on('exit', (code) => {
      const fail: Answer = { file: '', parts: 0, errors: [`validator exited (${code}): ${this.stderr.trim()}`] };
      for (const p of this.pending.splice(0)) p(fail);
      resolveReady();
    });
    // Do not keep a test worker alive for the validator.
    this.child.unref();
  }

  /** Schema and package errors of one package ('part:line: message'); [] when it is valid. */
  async validate(pkg: Buffer, name = 'file'): Promise<string[]> {
    await this.ready;
    const file = path.join(this.dir, `${++this.count}-${name.replace(/[^\w.-]/g, '_')}`);
    writeFileSync(file, pkg);
    const answer = await new Promise<Answer>((resolve) => {
      this.pending.push(resolve);
      this.child.stdin.write(`${file}\n`);
    });
    rmSync(file, { force: true });
    // A package with no XML part validated proves nothing.
    if (answer.errors.length === 0 && answer.parts === 0) return [`${name}: no part was validated`];
    return answer.errors;
  }

  close(): void {
    this.child.stdin.end();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

let shared: SchemaValidator | undefined;

/** The validator of this test file, or undefined when the schemas or lxml are missing (whyNoSchemas says which). */
export function schemaValidator(): SchemaValidator | undefined {
  if (whyNoSchemas) return undefined;
  shared ??= new SchemaValidator();
  return shared;
}
