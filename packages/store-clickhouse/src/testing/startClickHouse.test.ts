import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SKIP_CLICKHOUSE_ENV, shouldSkipClickHouse, startClickHouse } from './startClickHouse.js';

describe('shouldSkipClickHouse', () => {
  it('never skips in CI, and never unless asked', () => {
    expect(shouldSkipClickHouse({ [SKIP_CLICKHOUSE_ENV]: '1', CI: 'true' })).toBe(false);
    expect(shouldSkipClickHouse({})).toBe(false);
    expect(shouldSkipClickHouse({ CI: 'true' })).toBe(false);
  });
});

describe.skipIf(shouldSkipClickHouse())('startClickHouse', () => {
  it('starts a server on a free loopback port that answers queries, then stops it and deletes its folder', async () => {
    const first = await startClickHouse();
    const second = await startClickHouse();
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(second.url).not.toBe(first.url);
      const response = await fetch(`${first.url}/?query=${encodeURIComponent('SELECT version()')}`);
      expect(response.status).toBe(200);
      expect((await response.text()).trim()).toMatch(/^\d+\.\d+/);
    } finally {
      await second.stop();
      await first.stop();
    }
    expect(existsSync(first.folder)).toBe(false);
    await expect(fetch(`${first.url}/ping`)).rejects.toThrow();
  });
});
