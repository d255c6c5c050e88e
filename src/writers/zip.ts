/**
 * The one zip writer both OOXML packages go through: yazl, which deflates
 * with node's native zlib (off the main thread), one pass over the finished
 * parts. Deterministic: entries in the order given, one fixed date, fixed
 * modes, no Info-ZIP timestamp field, so the same parts give the same bytes.
 */
import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** false for parts that are compressed already (PNG, JPEG): stored as they are. */
  compress: boolean;
}

/** Zip times cannot go before 1980 (DOS dates). */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 12);

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
  const zip = new yazl.ZipFile();
  const mtime = dosDate(timestampSeconds);
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    zip.addBuffer(data, e.name, { mtime, mode: 0o100644, compress: e.compress, ...(e.compress ? { compressionLevel: 6 } : {}), forceDosTimestamp: true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
