import { describe, expect, it } from 'vitest';
import { createNpmSnippet, createScriptTag } from './createSnippets.js';

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
