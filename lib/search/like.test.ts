import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike, wrappedPattern } from './like';

describe('LIKE patterns from typed text', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });
  it('wraps the escaped text in wildcards of its own', () => {
    expect(containsPattern('%')).toBe('%\\%%');
    expect(containsPattern('reza')).toBe('%reza%');
    expect(wrappedPattern(' ', 'a_b', ' ')).toBe('% a\\_b %');
  });
});
