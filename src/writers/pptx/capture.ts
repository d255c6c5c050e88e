/**
 * pptxgenjs builds its parts in a JSZip object and zips them (JSZip, in
 * JavaScript, with a CRC over every byte), only for finalizePackage to unzip
 * them again. While `capturePackage` runs, the zip it would make of a deck is
 * skipped and the JSZip object itself is handed over. Anything that is not a
 * deck (the workbook of a native chart), and any other caller's JSZip, zips
 * as usual.
 */
import JSZip from 'jszip';

type Generate = JSZip['generateAsync'];

const captured = new WeakMap<object, JSZip>();
let active = 0;
let original: Generate | undefined;

function skipDeckZip(this: JSZip, ...args: Parameters<Generate>): ReturnType<Generate> {
  const [options] = args;
  if (options?.type === 'nodebuffer' && this.files['ppt/presentation.xml'] && this.files['[Content_Types].xml']) {
    const token = Buffer.alloc(0);
    captured.set(token, this);
    return Promise.resolve(token) as ReturnType<Generate>;
  }
  return original!.apply(this, args) as ReturnType<Generate>;
}

/**
 * Run `write` (a pptxgenjs write to a node buffer) and return the parts it
 * would have zipped, or its zip when this pptxgenjs version zips some other
 * way.
 */
export async function capturePackage(write: () => Promise<unknown>): Promise<JSZip | Buffer> {
  if (active++ === 0) {
    original = JSZip.prototype.generateAsync;
    JSZip.prototype.generateAsync = skipDeckZip as Generate;
  }
  try {
    const out = await write();
    return (typeof out === 'object' && out !== null && captured.get(out)) || (out as Buffer);
  } finally {
    if (--active === 0) JSZip.prototype.generateAsync = original!;
  }
}
