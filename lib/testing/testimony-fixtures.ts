// A submitter's testimony built through the real data functions (createDraft → saveDraftStep →
// submitTestimony), for tests that need what the submission flow itself stores.
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { createDraft, saveDraftStep, submitTestimony } from '@/lib/testimonies';
import { formGate } from '@/lib/testing/form-gate';

export const draftAbout = { newNameFa: 'نوید بهبودی', newNameLatin: 'Navid Behboudi', newOutcome: 'killed', newIncidentCalendar: 'persian', newIncidentPrecision: 'exact', newIncidentYear: '۱۳۹۸', newIncidentMonth: '8', newIncidentDay: '25', newProvince: 'IR-23', newAftermath: ['body_withheld'] };
export const draftAccount = { relationship: 'mother', hand: 'first', narrative: 'پسرم آن روز به خانه برنگشت.', eventCalendar: 'persian', eventPrecision: 'month', eventYear: '1398', eventMonth: '8' };
export const draftConsent = { publish: 'public', credit: 'relationship' };

type StepOverrides = { about?: Record<string, string | string[]>; account?: Record<string, string>; consent?: Record<string, string> };

let n = 0;
/** A fresh form token (start form or review form). */
export const formToken = () => `token-${Date.now()}-${n++}-abcdefgh`;

/** A draft with every step filled (each step's values may be overridden); returns its id. */
export async function filledDraft(db: Db, viewer: Viewer | null, overrides: StepOverrides = {}) {
  const { id } = await createDraft(db, viewer, { token: formToken(), language: 'fa' });
  await saveDraftStep(db, viewer, { testimonyId: id, step: 'about', values: { ...draftAbout, ...overrides.about } });
  await saveDraftStep(db, viewer, { testimonyId: id, step: 'account', values: { ...draftAccount, ...overrides.account } });
  await saveDraftStep(db, viewer, { testimonyId: id, step: 'consent', values: { ...draftConsent, ...overrides.consent } });
  return id;
}

/** A filled draft, submitted; returns its id. */
export async function submittedTestimony(db: Db, viewer: Viewer | null, overrides: StepOverrides = {}) {
  const id = await filledDraft(db, viewer, overrides);
  await submitTestimony(db, viewer, { ...formGate(),  testimonyId: id, token: formToken() });
  return id;
}
