// On a staff person page: whether this person's full name and portrait are public yet (a minor
// needs two different moderators' approval), who approved, and the approval button.
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/forms/action-state';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { MinorIdentity } from '@/lib/persons';
import { ActionForm } from './action-form';
import { isolate } from '@/components/layout/isolate';

type Props = { locale: Locale; personId: string; identity: MinorIdentity; action: FormAction<unknown> };

export async function MinorIdentityPanel({ locale, personId, identity, action }: Props) {
  if (!identity.minor) return null;
  const t = await getTranslations({ locale, namespace: 'Workflow' });
  const done = identity.approvals.length >= identity.needed;
  return (
    <section id="minor-identity" aria-labelledby="minor-identity-heading" className="mt-6 rounded border border-line bg-white p-4">
      <h2 id="minor-identity-heading" className="text-lg font-semibold">{t('minorHeading')}</h2>
      <p className="mt-1">{t(done ? 'minorPublic' : 'minorWithheld', { count: identity.approvals.length, needed: identity.needed })}</p>
      <ul className="mt-1">
        {identity.approvals.map((a) => (
          <li key={a.at.toISOString()}>{t.rich('approvedBy', { username: a.moderator ?? '—', date: formatDate(a.at, locale), isolate })}</li>
        ))}
      </ul>
      {!done && !identity.approvals.some((a) => a.byViewer) ? (
        <ActionForm action={action} className="mt-2">
          <input type="hidden" name="personId" value={personId} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="rounded border border-muted px-4 py-2 hover:bg-white">{t('minorApprove')}</button>
        </ActionForm>
      ) : null}
    </section>
  );
}
