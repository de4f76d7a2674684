// What a moderator's decision did, said after it (`?decided=` from the action's redirect), with
// and without JavaScript: published and now public, or approved without becoming public (the
// submitter chose documentation only, or no person it is about is public), approved once under
// four-eyes, rejected, sent back. The status region is always in the page, so that the message
// appearing in it when the page is re-rendered in place (JavaScript on) is announced.
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

// `unpublished`, `corrected`, `correction_awaiting_approval`: a published testimony's safety steps (./published-panel.tsx);
// `credit_set`, `credit_awaiting_approval`: the public credit (./credit-panel.tsx).
const outcomes = ['public', 'documentation_only', 'no_public_person', 'approved', 'already_approved', 'rejected', 'changes_requested', 'unpublished', 'corrected', 'correction_awaiting_approval', 'credit_set', 'credit_awaiting_approval'] as const;
const notPublic = new Set<string>(['documentation_only', 'no_public_person']);

export async function DecisionNotice({ locale, decided }: { locale: Locale; decided?: string | string[] }) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  const shown = outcomes.find((o) => o === decided);
  const tone = shown && notPublic.has(shown) ? 'border-amber-700 bg-amber-50' : 'border-green-700 bg-green-50';
  return (
    <p id="decided" role="status" className={shown ? `mt-4 rounded border px-3 py-2 font-semibold ${tone}` : undefined}>
      {shown ? t(`decided.${shown}`) : null}
    </p>
  );
}
