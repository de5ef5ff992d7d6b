import { describe, expect, it } from 'vitest';
import { formatCsat } from './formatCsat.js';

describe('formatCsat', () => {
  it('shows the share of satisfied answers as a whole percentage', () => {
    expect(formatCsat(200 / 3, 'en')).toBe('67%');
    expect(formatCsat(100, 'en')).toBe('100%');
    expect(formatCsat(0, 'en')).toBe('0%');
  });

  it('reads a dash without responses', () => {
    expect(formatCsat(null)).toBe('—');
  });
});
