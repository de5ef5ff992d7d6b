import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Page 1 of a PDF as pixels (poppler's `pdftoppm`, PPM at `dpi`): width, height, RGB bytes. */
export function readPdfPagePixels(pdfPath: string, dpi = 50) {
  const prefix = join(pdfPath, '..', 'page');
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // "P6\n<width> <height>\n255\n" then RGB bytes.
  const match = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'));
  if (match === null) throw new Error('pdftoppm did not write a binary PPM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  return { width, height, rgb: ppm.subarray(match[0].length) };
}

/** The PDF's text (poppler's `pdftotext`, in reading order). */
export function readPdfText(pdfPath: string, options: { layout?: boolean } = {}): string {
  return execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), pdfPath, '-'], {
    encoding: 'utf8',
  });
}
