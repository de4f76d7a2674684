import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff';

describe('word diff', () => {
  it('marks added and removed words, keeping the rest', () => {
    expect(wordDiff('he was shot at the square', 'he was shot near the square')).toEqual([
      { kind: 'same', text: 'he was shot ' },
      { kind: 'removed', text: 'at' },
      { kind: 'added', text: 'near' },
      { kind: 'same', text: ' the square' },
    ]);
  });
  it('works on Persian text and on identical or empty input', () => {
    expect(wordDiff('او را بردند', 'او را بردند')).toEqual([{ kind: 'same', text: 'او را بردند' }]);
    expect(wordDiff('', 'تازه')).toEqual([{ kind: 'added', text: 'تازه' }]);
  });
});
