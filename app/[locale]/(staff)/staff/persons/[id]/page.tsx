import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { withDb } from '@/lib/db';
import { ActionForm } from '@/components/moderation/action-form';
import { requirePageAccess } from '@/lib/authz/page-access';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/routing';
import { getMinorIdentity } from '@/lib/persons';
import { getStaffPerson } from '@/lib/persons/read';
import { MinorIdentityPanel } from '@/components/moderation/minor-identity-panel';
import { approveMinorIdentityAction, addAliasAction, addSourceAction, linkTestimonyAction, mergePersonAction, removeAliasAction, undoMergeAction, updatePersonAction } from '../actions';
import { Revealed } from '@/components/moderation/review-text';
import { FormMessages } from '@/components/forms/form-messages';
import { PersonForm } from '@/components/moderation/person-form';
import { personFormMessages } from '@/components/moderation/person-form-messages';
import { PublicationNotices } from '@/components/moderation/publication-notices';
import { personFormValues } from '@/lib/validation/person';
import { partSeparator } from '@/lib/i18n/separator';
import { isolate } from '@/components/layout/isolate';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ publication?: string }> };

const field = 'mt-1 w-full rounded border border-muted bg-white px-3 py-2';
const button = 'mt-2 rounded border border-muted px-4 py-2 hover:bg-white';

export default async function PersonPage({ params, searchParams }: Props) {
  await connection();
  const { locale, id } = await params;
  const viewer = await requirePageAccess({ permission: 'person.edit' }, { locale, path: `/${locale}/staff/persons/${id}` });
  const p = await withDb(getStaffPerson, viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const t = await getTranslations({ locale, namespace: 'Persons' });
  const tpe = await getTranslations({ locale, namespace: 'PersonEditor' });
  const { publication } = await searchParams;
  const tm = await getTranslations({ locale, namespace: 'Moderation' });
  const hidden = (
    <>
      <input type="hidden" name="personId" value={p.id} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );
  return (
    <FormMessages namespaces={[]}>
      <p><a href={`/${locale}/staff/persons`}>{t('backToList')}</a></p>
      <h1 className="mt-2 text-2xl font-bold"><bdi><Revealed text={p.nameFa} /></bdi></h1>
      <p>{t(`status.${p.status}`)}{partSeparator(locale)}{t(`verification.${p.verification}`)}{p.merged ? `${partSeparator(locale)}${t('merged')}` : ''}</p>
      <MinorIdentityPanel locale={locale} personId={p.id} identity={await withDb(getMinorIdentity, viewer, p.id)} action={approveMinorIdentityAction} />
      <section id="person-form" aria-labelledby="person-form-heading" className="mt-6">
        <h2 id="person-form-heading" className="text-xl font-semibold">{tpe('heading')}</h2>
        <PublicationNotices locale={locale} pending={p.pendingPublication} outcome={publication} />
        <FormMessages namespaces={personFormMessages}>
          <PersonForm action={updatePersonAction} locale={locale} personId={p.id} values={personFormValues(p)} aftermath={p.aftermath} sensitiveContent={p.sensitiveContent} label={tpe('heading')} />
        </FormMessages>
      </section>
      <section id="aliases" aria-labelledby="aliases-heading" className="mt-8">
        <h2 id="aliases-heading" className="text-xl font-semibold">{t('aliasesHeading')}</h2>
        <ul className="mt-2 space-y-1">
          {p.aliases.map((a) => (
            <li key={a.id}>
              <ActionForm action={removeAliasAction} className="flex items-center gap-2">
                {hidden}
                <input type="hidden" name="aliasId" value={a.id} />
                <bdi>{a.name}</bdi>
                <button type="submit" className="text-sm underline">{t.rich('removeAlias', { name: a.name, isolate })}</button>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={addAliasAction} className="mt-2">
          {hidden}
          <label htmlFor="alias-name" className="block font-medium">{t('addAliasLabel')}</label>
          <input id="alias-name" name="name" required dir="auto" className={field} />
          <button type="submit" className={button}>{t('addAlias')}</button>
        </ActionForm>
      </section>
      <section id="sources" aria-labelledby="sources-heading" className="mt-8">
        <h2 id="sources-heading" className="text-xl font-semibold">{t('sourcesHeading')}</h2>
        <ul className="mt-2 list-disc ps-6">
          {p.sources.map((s) => <li key={s.id} dir="auto">{s.title ? `${s.title} — ` : ''}<span dir="ltr">{s.url}</span></li>)}
        </ul>
        <ActionForm action={addSourceAction} className="mt-2">
          {hidden}
          <label htmlFor="source-url" className="block font-medium">{t('sourceUrl')}</label>
          <input id="source-url" name="url" type="url" required dir="ltr" className={field} />
          <label htmlFor="source-title" className="mt-2 block font-medium">{t('sourceTitle')}</label>
          <input id="source-title" name="title" dir="auto" className={field} />
          <button type="submit" className={button}>{t('addSource')}</button>
        </ActionForm>
      </section>
      <section id="testimonies" aria-labelledby="testimonies-heading" className="mt-8">
        <h2 id="testimonies-heading" className="text-xl font-semibold">{t('testimoniesHeading')}</h2>
        <ul className="mt-2 space-y-1">
          {p.testimonies.map((x) => (
            <li key={x.id}>
              <ActionForm action={linkTestimonyAction} className="flex flex-wrap items-start gap-2">
                {hidden}
                <input type="hidden" name="testimonyId" value={x.id} />
                <input type="hidden" name="linked" value="no" />
                <a href={`/${locale}/staff/testimonies/${x.id}`}>{tm(`status.${x.status}`)}</a>
                {/* A confirmation that works without JavaScript; the action refuses an unconfirmed unlink too. */}
                <details>
                  <summary className="cursor-pointer text-sm underline">{t('unlink')}</summary>
                  <p className="mt-1 text-sm">{t('unlinkWarning')}</p>
                  <label className="mt-1 flex items-start gap-2 text-sm">
                    <input type="checkbox" name="confirm" value="yes" required className="mt-1" />
                    <span>{t('unlinkConfirm')}</span>
                  </label>
                  <button type="submit" className="mt-1 rounded border border-red-700 px-3 py-1 text-sm font-semibold">{t('unlinkSubmit')}</button>
                </details>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={linkTestimonyAction} className="mt-2">
          {hidden}
          <input type="hidden" name="linked" value="yes" />
          <label htmlFor="link-testimony" className="block font-medium">{t('linkLabel')}</label>
          <input id="link-testimony" name="testimonyId" required dir="ltr" className={field} />
          <button type="submit" className={button}>{t('link')}</button>
        </ActionForm>
      </section>
      <section id="merge" aria-labelledby="merge-heading" className="mt-8">
        <h2 id="merge-heading" className="text-xl font-semibold">{t('mergeHeading')}</h2>
        {p.merged ? (
          <ActionForm action={undoMergeAction} className="mt-2">
            {hidden}
            <p>{t('mergedNotice')}</p>
            <button type="submit" className={button}>{t('undoMerge')}</button>
          </ActionForm>
        ) : (
          <ActionForm action={mergePersonAction} className="mt-2">
            {hidden}
            <label htmlFor="merge-target" className="block font-medium">{t('mergeLabel')}</label>
            <input id="merge-target" name="targetId" required dir="ltr" className={field} />
            <button type="submit" className={button}>{t('merge')}</button>
          </ActionForm>
        )}
      </section>
    </FormMessages>
  );
}
