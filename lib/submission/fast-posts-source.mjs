// @ts-check
// The app (instrumentation.ts, inside Next's bundle) hands the server in front of it
// (scripts/server.mjs, lib/submission/fast-posts.mjs) its answer to the submission journey's form
// posts sent without JavaScript, through `globalThis` of the one process they share (as
// lib/public-cache/search-source.mjs hands over the search's): lib/submission/post-answer.ts.

const slot = Symbol.for('yadman.submission.formPosts');

/**
 * @typedef {'testimony.start' | 'testimony.saveStep' | 'testimony.submit'} JourneyAction
 *   the server action a post names (its `name` in app/[locale]/(submit)/submit/actions.ts)
 * @typedef {{ action: JourneyAction; form: FormData; headers: Headers }} FormPostAsk
 *   form: the posted fields without Next's `$ACTION_…` ones (as the action receives them);
 *   headers: the request's, with the client's address as scripts/server.mjs decided it
 * @typedef {{ location: string } | { declined: string }} FormPostAnswer
 *   the address the action redirects to (a 303), or why Next answers this post instead (nothing written)
 * @typedef {(ask: FormPostAsk) => Promise<FormPostAnswer>} FormPostAnswerer
 */

/** @param {FormPostAnswerer} answer */
export function provideFormPostAnswer(answer) {
  /** @type {{ [slot]?: FormPostAnswerer }} */ (/** @type {unknown} */ (globalThis))[slot] = answer;
}

/** @returns {FormPostAnswerer | null} the answerer, once the app has started */
export function providedFormPostAnswer() {
  return /** @type {{ [slot]?: FormPostAnswerer }} */ (/** @type {unknown} */ (globalThis))[slot] ?? null;
}
