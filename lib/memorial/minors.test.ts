import { describe, expect, it } from 'vitest';
import { initials } from './minors';

describe('initials', () => {
  it('keeps the first letter of each word, in either script', () => {
    expect(initials('Mohammad Reza Hosseini')).toBe('M. R. H.');
    expect(initials('محمد\u200cرضا حسینی')).toBe('م. ر. ح.');
    expect(initials('  o\'neil-smith ')).toBe('O. S.');
    expect(initials('')).toBe('');
  });
});
