/**
 * Rendered charts keyed by a hash of what determines their pixels: the spec
 * (minus alt text and source location), the theme, the medium, the font files
 * and the renderer version. Regenerating after a data change re-renders only
 * the charts whose spec changed. The PNG encoding (png.ts: layout, zlib
 * version and level) is in the key too: the same pixels encoded another way
 * are other bytes, and one build must not mix them. Optionally persisted as
 * <key>.png in a directory, so the saving carries across runs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChartSpec } from '../model/chart.js';
import type { Theme } from '../model/theme.js';
import type { ChartMedium, RenderedImage } from '../model/rendered.js';
import { pixelSize } from './sizes.js';
import { PNG_ENCODING } from './png.js';

/** Bump when a change to the renderer changes the pixels of an unchanged spec. */
export const RENDER_VERSION = 5;

/** JSON with sorted keys, so key order in a spec never changes its hash. */
function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/** A font file is identified by path, size and modification time (hashing 3.5 MB per run is wasted work). */
function fontIdentity(file: string): string {
  const st = statSync(file);
  return `${file}:${st.size}:${Math.trunc(st.mtimeMs)}`;
}

export function chartKey(spec: ChartSpec, theme: Theme, medium: ChartMedium, fontFiles: string[], encoding = PNG_ENCODING): string {
  const { alt: _alt, loc: _loc, ...drawn } = spec;
  const payload = stableStringify({ v: RENDER_VERSION, png: encoding, spec: drawn, theme, medium, fonts: fontFiles.map(fontIdentity) });
  return createHash('sha256').update(payload).digest('hex');
}

export interface ChartCacheOptions {
  /** Also keep PNGs in this directory across runs. */
  dir?: string;
  /** Most images held in memory (least recently used dropped first). Default 200. */
  maxEntries?: number;
}

export class ChartCache {
  /** Lookups answered from memory or disk. */
  hits = 0;
  /** Lookups that had to render. */
  misses = 0;
  private readonly entries = new Map<string, RenderedImage>();
  private dir?: string;
  private readonly maxEntries: number;

  constructor(options: ChartCacheOptions = {}) {
    this.dir = options.dir;
    this.maxEntries = options.maxEntries ?? 200;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached image for `key`, counting a hit or a miss. */
  get(key: string, medium: ChartMedium): RenderedImage | undefined {
    let image = this.entries.get(key);
    if (image) {
      this.entries.delete(key); // re-insert: most recently used last
    } else if (this.dir) {
      image = this.readDisk(key, medium);
    }
    if (!image) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.remember(key, image);
    return image;
  }

  set(key: string, image: RenderedImage): void {
    this.remember(key, image);
    if (this.dir) {
      const file = path.join(this.dir, `${key}.png`);
      // Write then rename, so a crash never leaves a truncated PNG under a valid key.
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(this.dir, { recursive: true });
        writeFileSync(tmp, image.png);
        renameSync(tmp, file);
      } catch {
        // A cache that cannot be written only costs time: keep going in memory.
        this.dir = undefined;
        try {
          rmSync(tmp, { force: true });
        } catch {
          // Left for the user; it is a hidden cache file, never an output.
        }
      }
    }
  }

  private remember(key: string, image: RenderedImage): void {
    this.entries.set(key, image);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  private readDisk(key: string, medium: ChartMedium): RenderedImage | undefined {
    let png: Buffer;
    try {
      png = readFileSync(path.join(this.dir!, `${key}.png`));
    } catch {
      return undefined;
    }
    const size = pixelSize(medium);
    // A file of the wrong size (a different renderer wrote it) is ignored and overwritten.
    if (png.length < 24 || png.readUInt32BE(16) !== size.widthPx || png.readUInt32BE(20) !== size.heightPx) return undefined;
    return { png, ...size };
  }
}
