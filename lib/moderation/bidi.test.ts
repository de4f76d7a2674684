import { describe, expect, it } from 'vitest';
import { hasBidiControls, splitBidiControls } from './bidi';

describe('bidi controls', () => {
  it('splits out every override and isolate as a visible part', () => {
    expect(splitBidiControls('a\u202Eb\u2066c')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'control', codePoint: 'U+202E' },
      { kind: 'text', text: 'b' },
      { kind: 'control', codePoint: 'U+2066' },
      { kind: 'text', text: 'c' },
    ]);
    expect(hasBidiControls('plain متن')).toBe(false);
    expect(splitBidiControls('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
  });
});
