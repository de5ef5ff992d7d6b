import { describe, expect, it } from 'vitest';
import { findAnnotationsIn, toDayKey } from './findAnnotationsIn.js';

const note = (annotationId: string, fromDay: string, toDay: string) => ({
  annotationId,
  fromDay,
  toDay,
  text: annotationId,
  touchpoint: null,
});

describe('findAnnotationsIn', () => {
  it('keeps the annotations that overlap the range, edges included', () => {
    const all = [
      note('before', '2026-05-01', '2026-05-31'),
      note('touches-start', '2026-05-20', '2026-06-01'),
      note('inside', '2026-06-10', '2026-06-10'),
      note('touches-end', '2026-06-30', '2026-07-04'),
      note('after', '2026-07-01', '2026-07-01'),
    ];
    expect(findAnnotationsIn(all, '2026-06-01', '2026-06-30').map((a) => a.annotationId)).toEqual([
      'touches-start',
      'inside',
      'touches-end',
    ]);
  });

  it('reads days in UTC', () => {
    expect(toDayKey(Date.UTC(2026, 5, 1) - 1)).toBe('2026-05-31');
    expect(toDayKey(Date.UTC(2026, 5, 1))).toBe('2026-06-01');
  });
});
