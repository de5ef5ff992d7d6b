import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileContains } from './fileContains.js';

describe('fileContains', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-file-contains-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a needle across a chunk boundary, in the second file, and not one absent', async () => {
    const first = join(dir, 'a.bin');
    const second = join(dir, 'b.bin');
    writeFileSync(first, Buffer.alloc(3 << 20, 0x41));
    const bytes = Buffer.alloc(3 << 20, 0x42);
    bytes.write('needle-é', (1 << 20) - 4, 'utf8'); // straddles the first 1 MiB chunk's end
    writeFileSync(second, bytes);
    expect(await fileContains([first, second], ['needle-é'])).toBe(true);
    expect(await fileContains([first], ['needle-é'])).toBe(false);
    expect(await fileContains([join(dir, 'missing'), first], ['AAAA'])).toBe(true);
    expect(await fileContains([join(dir, 'missing')], ['x'])).toBe(false);
  });
});
