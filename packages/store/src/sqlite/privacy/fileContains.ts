import { open } from 'node:fs/promises';

const CHUNK = 1 << 20;

/**
 * True when one of the files holds one of the strings' UTF-8 bytes. Reads in 1 MiB
 * chunks, each overlapping the last by the longest needle, asynchronously: the
 * event loop keeps serving while a large database is read. A missing file holds nothing.
 */
export async function fileContains(paths: readonly string[], strings: readonly string[]): Promise<boolean> {
  const needles = strings.filter((s) => s.length > 0).map((s) => Buffer.from(s, 'utf8'));
  if (needles.length === 0) return false;
  const overlap = Math.max(...needles.map((n) => n.length)) - 1;
  const buffer = Buffer.alloc(CHUNK + overlap);
  for (const path of paths) {
    const file = await open(path, 'r').catch(() => undefined);
    if (file === undefined) continue;
    try {
      let kept = 0;
      for (;;) {
        const { bytesRead } = await file.read(buffer, kept, CHUNK);
        if (bytesRead === 0) break;
        const view = buffer.subarray(0, kept + bytesRead);
        if (needles.some((needle) => view.includes(needle))) return true;
        kept = Math.min(overlap, view.length);
        view.copyWithin(0, view.length - kept);
      }
    } finally {
      await file.close();
    }
  }
  return false;
}
