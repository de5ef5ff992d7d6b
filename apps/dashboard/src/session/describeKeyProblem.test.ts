import { describe, expect, it } from 'vitest';
import { describeKeyProblem } from './describeKeyProblem.js';

describe('describeKeyProblem', () => {
  it('lets a secret key through, surrounding whitespace included', () => {
    expect(describeKeyProblem('sk_AbC-123')).toBeUndefined();
    expect(describeKeyProblem('  sk_AbC-123\n')).toBeUndefined();
  });

  it('asks for a key when the field is blank', () => {
    expect(describeKeyProblem('   ')).toMatch(/paste the secret key/i);
  });

  it('names the write key when one is pasted by mistake', () => {
    expect(describeKeyProblem('wk_123')).toMatch(/write key.*secret key \(sk_…\)/);
  });

  it('rejects a value with inner spaces', () => {
    expect(describeKeyProblem('sk_1 sk_2')).toMatch(/no spaces/);
  });
});
