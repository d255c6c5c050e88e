/**
 * What one build keeps for the next in a long-running process (`watch`,
 * `preview`): rendered charts, parsed data files and compiled templates. Pass
 * the same RebuildCache to every `build()`; each part is checked against the
 * new inputs (file texts, chart spec hashes), so a stale entry is never used.
 */
import { ChartCache } from '../charts/cache.js';
import { ParsedFileCache } from '../facts/load.js';
import { CompiledTemplateCache } from '../templates/render.js';
import type { PrecompiledTemplate } from '../templates/precompiled.js';

export class RebuildCache {
  readonly dataFiles = new ParsedFileCache();
  /** One per template folder a build uses (watch builds a deck and a report from two). */
  private readonly templates = new Map<string, CompiledTemplateCache>();

  constructor(
    readonly charts: ChartCache = new ChartCache(),
    /** Templates compiled ahead of time (templates/precompiled.ts). */
    private readonly precompiled: readonly PrecompiledTemplate[] = [],
  ) {}

  templateCache(dir: string): CompiledTemplateCache {
    let c = this.templates.get(dir);
    if (!c) {
      c = new CompiledTemplateCache(this.precompiled);
      this.templates.set(dir, c);
    }
    return c;
  }
}
