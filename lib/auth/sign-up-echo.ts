// What a refused sign-up gives back besides the username (app/[locale]/(account)/sign-up/actions.ts
// `echo`). Without JavaScript the refused post re-renders the page, where the generated passphrase
// (another form's answer) was gone, and with it the words she had just copied onto paper (issue 18).
// The form carries the suggestion the page showed (`suggestion`): it comes back, and fills the
// passphrase boxes again when she had chosen it. It was in the page already, and it is a secret only
// once chosen. A passphrase she typed herself is never sent back in a page: `passphraseNotKept`
// tells the form to say so and ask for it again, instead of "nothing was lost".

/** The longest suggestion given back (six words of the list are far shorter). */
const suggestionMax = 200;

export function signUpEcho(raw: Record<string, string | string[]>): Record<string, string> {
  const suggestion = typeof raw.suggestion === 'string' && raw.suggestion.length <= suggestionMax ? raw.suggestion.trim() : '';
  const chosen = !!suggestion && raw.passphrase === suggestion && raw.passphraseConfirm === suggestion;
  const typed = typeof raw.passphrase === 'string' && raw.passphrase !== '';
  return {
    ...(suggestion ? { suggestion } : {}),
    ...(chosen ? { passphrase: suggestion, passphraseConfirm: suggestion } : {}),
    ...(typed && !chosen ? { passphraseNotKept: 'yes' } : {}),
  };
}
