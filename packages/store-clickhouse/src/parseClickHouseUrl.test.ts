import { describe, expect, it } from 'vitest';
import { parseClickHouseUrl } from './parseClickHouseUrl.js';

describe('parseClickHouseUrl', () => {
  it('takes the database from the path, parcours when there is none', () => {
    expect(parseClickHouseUrl('http://127.0.0.1:8123/parcours')).toEqual({
      url: 'http://127.0.0.1:8123',
      database: 'parcours',
    });
    expect(parseClickHouseUrl('https://ch.example.com/analytics_eu/')).toEqual({
      url: 'https://ch.example.com',
      database: 'analytics_eu',
    });
    expect(parseClickHouseUrl('http://localhost:8123')).toEqual({
      url: 'http://localhost:8123',
      database: 'parcours',
    });
  });

  it('keeps credentials on the server URL', () => {
    expect(parseClickHouseUrl('http://app:s3cret@10.0.0.5:8123/prod')).toEqual({
      url: 'http://app:s3cret@10.0.0.5:8123',
      database: 'prod',
    });
  });

  it('refuses what is not an http URL naming a plain database', () => {
    expect(() => parseClickHouseUrl('ftp://h/db')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => parseClickHouseUrl('127.0.0.1:8123')).toThrow(/must be a URL like/);
    expect(() => parseClickHouseUrl('not a url')).toThrow(/must be a URL like/);
    expect(() => parseClickHouseUrl('http://h:8123/a/b')).toThrow(/letters, digits and _ \(got "a\/b"\)/);
    expect(() => parseClickHouseUrl('http://h:8123/x;DROP')).toThrow(/letters, digits and _/);
    expect(() => parseClickHouseUrl('http://h:8123/db?user=x')).toThrow(/no query or fragment/);
  });
});
