import 'server-only';
// The app's side of a step page from its shell (lib/forms-shell/step-shell.mjs): who is asking and
// what their draft's step shows, decided by the same lib/ code as the step page
// (app/[locale]/(submit)/submit/[draftId]/[step]/page.tsx): the session cookie decrypted and the
// session row checked (lib/auth/viewer.ts), the page's access rule (lib/authz/access.ts), the draft
// read as its owner (getOwnDraft: anyone else's draft is not found). Anything the page would answer
// otherwise — a redirect to sign in or to the second factor, a 404, a redirect to another step —
// or any error is null: the server then hands the request to Next, which answers as it always did.
import { env } from '@/lib/env.mjs';
import type { Db } from '@/db/client';
import { resolveSession } from '@/lib/auth/sessions';
import { sessionTokenReader } from '@/lib/auth/session-token';
import { checkAccess } from '@/lib/authz/access';
import { getOwnDraft } from '@/lib/testimonies';
import { countUnreadNotifications } from '@/lib/notifications';
import type { StepAnswer, StepAsk } from './step-source.mjs';
import { shapeOf } from './step-shell.mjs';

const sessionIdOf = sessionTokenReader();

export async function answerStep(db: Db, ask: StepAsk, cookieName: string): Promise<StepAnswer> {
  const secret = env().AUTH_SECRET;
  if (!ask.sessionToken || !secret) return null;
  const sid = await sessionIdOf(ask.sessionToken, secret, cookieName);
  if (!sid) return null;
  const viewer = await resolveSession(db, sid);
  try {
    checkAccess(viewer, { permission: 'testimony.edit.own' });
  } catch {
    return null;
  }
  const draft = await getOwnDraft(db, viewer, ask.draftId).catch(() => null);
  if (!draft || draft.id !== ask.draftId || !draft.editable.includes(ask.step)) return null;
  const saved = (draft.draft as Record<string, unknown>)[ask.step] ?? {};
  // The header's notifications link shows the unread count (components/notifications/notifications-link.tsx).
  const unread = await countUnreadNotifications(db, viewer);
  const shaped = shapeOf(ask.locale, ask.step, draft.editable, unread, saved);
  return shaped && { username: viewer!.username, ...shaped };
}
