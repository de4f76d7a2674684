import { describe, expect, it } from 'vitest';
import { signUpEcho } from './sign-up-echo';

const words = 'handclap debtor storm rasping opt pushup';

describe('what a refused sign-up gives back', () => {
  it('the generated suggestion, and the boxes filled with it when she chose it', () => {
    expect(signUpEcho({ suggestion: words, passphrase: words, passphraseConfirm: words, username: 'a b' })).toEqual({ suggestion: words, passphrase: words, passphraseConfirm: words });
  });

  it('never a passphrase she typed herself: it says it was not kept', () => {
    expect(signUpEcho({ suggestion: words, passphrase: 'my own secret words', passphraseConfirm: 'my own secret words' })).toEqual({ suggestion: words, passphraseNotKept: 'yes' });
    expect(signUpEcho({ passphrase: 'my own secret words', passphraseConfirm: 'my own secret words' })).toEqual({ passphraseNotKept: 'yes' });
    // The suggestion in one box only: not chosen, nothing of what was typed comes back.
    expect(signUpEcho({ suggestion: words, passphrase: words, passphraseConfirm: 'other' })).toEqual({ suggestion: words, passphraseNotKept: 'yes' });
  });

  it('nothing when there was nothing to keep; no oversized suggestion', () => {
    expect(signUpEcho({ passphrase: '', passphraseConfirm: '' })).toEqual({});
    expect(signUpEcho({ suggestion: 'x'.repeat(201) })).toEqual({});
  });
});
