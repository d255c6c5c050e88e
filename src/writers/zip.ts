/**
 * The one zip writer both OOXML packages go through: adm-zip, which deflates
 * each part with node's native zlib, synchronously, in one pass over the
 * finished parts. (yazl, used before, deflates every part as its own task on
 * the thread pool and writes them one event-loop turn apart: about 120 ms of
 * waiting for 10 ms of deflating a deck's 160 small parts.) Deterministic:
 * entries in the order given (no sorting), one fixed date, fixed modes and
 * "made by" system, so the same parts give the same bytes on every machine.
 */
import AdmZip from 'adm-zip';

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** false for parts that are compressed already (PNG, JPEG): stored as they are. */
  compress: boolean;
}

/** Zip times cannot go before 1980 (DOS dates). */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 12);
const STORED = 0;
const DEFLATED = 8;
/** Made on Unix by a zip 6.3 writer (what yazl wrote): the same header whichever system builds the package. */
const MADE_BY = 0x033f;

/**
 * A Date whose local fields read as the UTC time of `timestampSeconds`: DOS
 * dates are written in local time, and the package must not depend on the
 * machine's time zone.
 */
function dosDate(timestampSeconds: number): Date {
  const utc = Math.max(timestampSeconds * 1000, DOS_EPOCH);
  return new Date(utc + new Date(utc).getTimezoneOffset() * 60_000);
}

export function zipPackage(entries: ZipEntry[], timestampSeconds: number): Promise<Buffer> {
  const zip = new AdmZip({ noSort: true });
  const mtime = dosDate(timestampSeconds);
  for (const e of entries) {
    const entry = zip.addFile(e.name, typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data, '', 0o644);
    entry.header.time = mtime;
    entry.header.made = MADE_BY;
    entry.header.method = e.compress ? DEFLATED : STORED;
    // Version 2.0 needed to extract every entry (adm-zip says 1.0 for stored ones; yazl wrote 2.0: same bytes as before).
    entry.header.version = 20;
  }
  return Promise.resolve(zip.toBuffer());
}
