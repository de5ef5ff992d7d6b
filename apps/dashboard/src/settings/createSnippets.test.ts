import { describe, expect, it } from 'vitest';
import { createNpmSnippet, createScriptTag, createUserHashSnippet } from './createSnippets.js';

describe('createScriptTag', () => {
  it('loads sdk.js from this server with the write key, deferred', () => {
    expect(createScriptTag('https://parcours.example.com', 'wk_abc')).toBe(
      '<script defer src="https://parcours.example.com/sdk.js" data-write-key="wk_abc"></script>',
    );
  });
});

describe('createNpmSnippet', () => {
  it('creates a tracker with the write key and this server as host', () => {
    const snippet = createNpmSnippet('http://localhost:4000', 'wk_abc');
    expect(snippet).toContain("import { createTracker } from '@parcours/sdk';");
    expect(snippet).toContain("createTracker({ writeKey: 'wk_abc', host: 'http://localhost:4000' })");
  });
});

describe('createUserHashSnippet', () => {
  it('is one line of Node that computes HMAC-SHA256(identitySecret, userId) as hex', async () => {
    // The dashboard has no Node types; the tests run in Node, so load its crypto untyped.
    const nodeCrypto = 'node:crypto';
    const { createHmac } = (await import(/* @vite-ignore */ nodeCrypto)) as { createHmac: unknown };
    const snippet = createUserHashSnippet();
    expect(snippet).not.toContain('\n');
    const env = { PARCOURS_IDENTITY_SECRET: 'ids_test-secret' };
    // Run the very line the page shows, as a site's backend would.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the snippet is the code under test
    const run = new Function('createHmac', 'process', 'userId', `return ${snippet};`) as (
      h: unknown,
      p: { env: typeof env },
      u: string,
    ) => string;
    const hash = run(createHmac, { env }, 'bob');
    // printf 'bob' | openssl dgst -sha256 -hmac 'ids_test-secret'
    expect(hash).toBe('32c405c6d30843113e5e5ac93ef25b620d79750297ed3ecddd96682a43d62d3c');
  });
});
