// @ts-check
// The app (instrumentation.ts, inside Next's bundle) hands the server in front of it (scripts/server.mjs)
// its answer to "whose draft is this, and what does its step show", through `globalThis` of the one
// process they share (as lib/public-cache/search-source.mjs hands over the search): the session
// checked and the draft read by the same lib/ code as the step page (lib/forms-shell/step-answer.ts),
// for step-fast.mjs to splice into the step's shell without a request through Next.

const slot = Symbol.for('yadman.formsShell.stepAnswer');

/**
 * @typedef {{ locale: 'fa' | 'en'; draftId: string; step: import('./step-shell.mjs').SplicedStep; sessionToken: string | undefined }} StepAsk
 *   sessionToken: the session cookie's value, as the browser sent it
 * @typedef {{ username: string; shape: import('./step-shell.mjs').Shape; texts: string[] } | null} StepAnswer
 *   the signed-in owner's name and the draft's step as the shell shows it; null: not one the shell
 *   shows (signed out, a second factor owed, not the owner, no such draft, a step not editable,
 *   answers the shell cannot show): the page is rendered by Next, which says what it says to that
 * @typedef {(ask: StepAsk) => Promise<StepAnswer>} StepAnswerer
 */

/** @param {StepAnswerer} answer @param {string} cookieName the session cookie's name */
export function provideStepAnswer(answer, cookieName) {
  /** @type {{ [slot]?: { answer: StepAnswerer; cookieName: string } }} */ (/** @type {unknown} */ (globalThis))[slot] = { answer, cookieName };
}

/** @returns {{ answer: StepAnswerer; cookieName: string } | null} the answerer, once the app has started */
export function providedStepAnswer() {
  return /** @type {{ [slot]?: { answer: StepAnswerer; cookieName: string } }} */ (/** @type {unknown} */ (globalThis))[slot] ?? null;
}
