import { describe, expect, it } from 'vitest';
import { findPage } from './findPage.js';

const pages = [{ path: 'person' }, { path: 'funnels' }];

describe('findPage', () => {
  it('finds a page by its path', () => {
    expect(findPage(pages, 'funnels')).toBe(pages[1]);
  });

  it('opens the first page at the empty path', () => {
    expect(findPage(pages, '')).toBe(pages[0]);
  });

  it('finds nothing at an unknown path', () => {
    expect(findPage(pages, 'nope')).toBeUndefined();
    expect(findPage([], '')).toBeUndefined();
  });
});
