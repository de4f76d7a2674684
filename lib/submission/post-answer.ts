import 'server-only';
// The app's answer to the submission journey's form posts sent without JavaScript (start, a step,
// submit), handed to the server in front of Next (lib/submission/fast-posts.mjs) by
// instrumentation.ts: what proxy.ts and defineAction (lib/actions/define-action.ts) do for such a
// post, and the same work as the server actions (lib/submission/journey.ts), without a request
// through Next's page pipeline (issue 21: 8–28 ms of server CPU a post there).
//
// It answers only what ends in a redirect, the outcome of a post that went through: a post Next
// would answer with a page (a refusal of any kind, which re-renders the form with what was typed
// and the translated message) is declined before anything was written, and Next answers it as
// before, running the action itself. Declined: another site's post (the proxy's 403 page), one over
// its address's allowance (the proxy's 429 page), a post without a session or without the
// permission, a form the schema refuses, a step that does not pass its check, an error of the data
// layer (whose transaction rolled back), and the database not answering (the proxy's outage page).
import type { z } from 'zod';
import type { Db } from '@/db/types';
import { actionPostWait, refundActionPost } from '@/lib/abuse/action-posts';
import { requestAddressKey } from '@/lib/abuse/address';
import { formGateOf } from '@/lib/abuse/challenge';
import { formDataToObject } from '@/lib/actions/form-data';
import { cookieValue } from '@/lib/auth/cookie-value';
import { sessionCookieName } from '@/lib/auth/next-auth';
import { viewerOfSessionToken } from '@/lib/auth/session-viewer';
import { checkAccess } from '@/lib/authz/access';
import { AppError, isAppError } from '@/lib/errors';
import { isSameOriginRequest } from '@/lib/security/same-origin';
import { isDataStep, stepSchemas } from '@/lib/validation/testimony';
import type { FormPostAnswer, FormPostAsk } from './fast-posts-source.mjs';
import { journeyAccess, saveStepSchema, saveSubmissionStep, sendSubmission, startSchema, startSubmission, submitSchema } from './journey';

/** defineAction's `check`: the schema's output, or its refusal (declined below: Next says which fields). */
function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input');
  return parsed.data;
}

export async function answerFormPost(db: Db, { action, form, headers }: FormPostAsk): Promise<FormPostAnswer> {
  // Another site's post, or one with Origin `null` or none: the proxy's translated 403 (and Next's
  // and defineAction's refusals behind it). Nothing counted: the proxy counts it.
  if (!isSameOriginRequest(headers) || !headers.get('origin')) return { declined: 'cross-site' };
  // The proxy's bound on form posts per address, on the same counter (lib/abuse/action-posts.ts);
  // given back when the post goes on to Next, whose proxy counts it (and refuses it) again.
  const addressKey = requestAddressKey(headers);
  const declined = async (why: string): Promise<FormPostAnswer> => {
    await refundActionPost(addressKey);
    return { declined: why };
  };
  if (await actionPostWait(addressKey)) return declined('limited');
  try {
    const name = sessionCookieName();
    const token = cookieValue(headers.get('cookie'), name);
    if (token === null) return await declined('cookie');
    const viewer = await viewerOfSessionToken(db, token, name);
    const raw = formDataToObject(form);
    if (action === 'testimony.start') {
      checkAccess(viewer, journeyAccess.start);
      const input = check(startSchema, raw);
      return { location: await startSubmission(db, viewer, input) };
    }
    if (action === 'testimony.saveStep') {
      checkAccess(viewer, journeyAccess.saveStep);
      const input = check(saveStepSchema, raw);
      // A step that does not pass its check is saved and shown again by Next, with the messages:
      // declined here before anything is written. The autosave is a request with JavaScript.
      if (input.intent === 'autosave') return await declined('autosave');
      if (input.intent === 'next' && isDataStep(input.step) && !stepSchemas[input.step].safeParse(raw).success) return await declined('invalid');
      const done = await saveSubmissionStep(db, viewer, input, raw, check);
      if ('location' in done) return { location: done.location };
      throw new Error('a step post without an address to go to');
    }
    checkAccess(viewer, journeyAccess.submit);
    const input = check(submitSchema, raw);
    // The public cache keys pages by the public data version, which the database bumps in the same
    // transaction: nothing to drop here (revalidatePublicData only frees Next's old entries early).
    const { location } = await sendSubmission(db, viewer, input, formGateOf(form), addressKey);
    return { location };
  } catch (error) {
    if (!isAppError(error)) console.error(`form post ${action}: handed to Next after ${error instanceof Error ? error.name : 'an unknown error'}`);
    return declined(isAppError(error) ? error.code : 'error');
  }
}
