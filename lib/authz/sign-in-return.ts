// Where the sign-in page may send a person back to, written in its address (`?next=`).
// The address is what a phone shows, keeps in its history and offers as a suggestion: after
// "Leave quickly" (the session ended, the site's data cleared), Back reloads the page she was on,
// which, without a session, comes to sign-in — and `next=/fa/submit/<id>/files` would say what she
// was doing (issue 18). So only the pages that say nothing of a person's own work come back; the
// rest sign in to the account page, which links to her testimonies.

/** Staff pages (staff devices, signed in with a second factor) and the account's own settings. */
const returnable = /^\/(fa|en)\/(staff(\/.*)?|account|account\/two-factor)$/;

/** The `next` to put in the sign-in address for a protected `path`, or undefined for none. */
export function signInReturnPath(path: string): string | undefined {
  return returnable.test(path) ? path : undefined;
}
