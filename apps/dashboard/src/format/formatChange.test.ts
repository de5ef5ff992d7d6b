import { describe, expect, it } from 'vitest';
import { formatChange } from './formatChange.js';

describe('formatChange', () => {
  it('gives the change in percent of the previous figure, signed', () => {
    expect(formatChange(125, 100)).toBe('+25%');
    expect(formatChange(90, 100)).toBe('−10%');
    expect(formatChange(1001, 1000)).toBe('+<1%');
    expect(formatChange(-5, -10)).toBe('+50%');
  });

  it('says when nothing changed, or there was nothing before', () => {
    expect(formatChange(7, 7)).toBe('no change');
    expect(formatChange(3, 0)).toBe('new');
  });
});
