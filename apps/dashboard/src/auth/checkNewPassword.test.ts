import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './checkNewPassword.js';

describe('checkNewPassword', () => {
  it('asks for at least 10 characters', () => {
    expect(checkNewPassword('123456789')).toBe('Use at least 10 characters (9 so far).');
    expect(checkNewPassword('1234567890')).toBeUndefined();
  });
});
