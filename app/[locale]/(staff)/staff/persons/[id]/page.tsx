import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { ActionForm } from '@/components/moderation/action-form';
import { requirePageAccess } from '@/lib/authz/page-access';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/routing';
import { getMinorIdentity } from '@/lib/persons';
import { getStaffPerson } from '@/lib/persons/read';
import { MinorIdentityPanel } from '@/components/moderation/minor-identity-panel';
import { approveMinorIdentityAction, addAliasAction, addSourceAction, linkTestimonyAction, mergePersonAction, removeAliasAction, undoMergeAction, updatePersonAction } from '../actions';
import { Revealed } from '@/components/moderation/review-text';

type Props = { params: Promise<{ locale: Locale; id: string }> };

const field = 'mt-1 w-full rounded border border-muted bg-white px-3 py-2';
const button = 'mt-2 rounded border border-muted px-4 py-2 hover:bg-white';

export default async function PersonPage({ params }: Props) {
  await connection();
  const { locale, id } = await params;
  const viewer = await requirePageAccess({ permission: 'person.edit' }, { locale, path: `/${locale}/staff/persons/${id}` });
  const p = await getStaffPerson(await getDb(), viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const t = await getTranslations({ locale, namespace: 'Persons' });
  const tm = await getTranslations({ locale, namespace: 'Moderation' });
  const te = await getTranslations({ locale, namespace: 'Errors' });
  const notices = { errors: Object.fromEntries(['invalid_input', 'not_found', 'conflict', 'unexpected'].map((c) => [c, te(c)])) };
  const hidden = (
    <>
      <input type="hidden" name="personId" value={p.id} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );
  const text = (name: keyof typeof p, label: string, dir: 'rtl' | 'ltr' | 'auto' = 'auto') => (
    <div>
      <label htmlFor={`person-${name}`} className="block font-medium">{label}</label>
      <input id={`person-${name}`} name={name} defaultValue={(p[name] as string | number | null) ?? ''} dir={dir} className={field} />
    </div>
  );
  return (
    <>
      <p><a href={`/${locale}/staff/persons`}>{t('backToList')}</a></p>
      <h1 className="mt-2 text-2xl font-bold"><bdi><Revealed text={p.nameFa} /></bdi></h1>
      <p>{t(`status.${p.status}`)} · {t(`verification.${p.verification}`)}{p.merged ? ` · ${t('merged')}` : ''}</p>
      <MinorIdentityPanel locale={locale} personId={p.id} identity={await getMinorIdentity(await getDb(), viewer, p.id)} action={approveMinorIdentityAction} notices={notices} />
      <ActionForm action={updatePersonAction} notices={{ errors: { ...notices.errors, conflict: t('changedSinceOpened') } }} className="mt-6 grid gap-3 md:grid-cols-2">
        {hidden}
        <input type="hidden" name="version" value={p.version} />
        {text('nameFa', t('nameFa'), 'rtl')}
        {text('nameLatin', t('nameLatin'), 'ltr')}
        {text('fatherNameFa', t('fatherNameFa'), 'rtl')}
        {text('age', t('age'), 'ltr')}
        {text('city', t('city'))}
        {text('place', t('place'))}
        <div>
          <label htmlFor="person-status" className="block font-medium">{t('statusLabel')}</label>
          <select id="person-status" name="status" defaultValue={p.status} className={field}>
            {(['draft', 'published', 'hidden'] as const).map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="person-verification" className="block font-medium">{t('verificationLabel')}</label>
          <select id="person-verification" name="verification" defaultValue={p.verification} className={field}>
            {(['unverified', 'corroborated', 'verified'] as const).map((v) => <option key={v} value={v}>{t(`verification.${v}`)}</option>)}
          </select>
        </div>
        <div className="md:col-span-2">
          <label htmlFor="person-verification-note" className="block font-medium">{t('verificationNote')}</label>
          <textarea id="person-verification-note" name="verificationNote" defaultValue={p.verificationNote ?? ''} rows={2} dir="auto" className={field} />
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="sensitiveContent" defaultChecked={p.sensitiveContent} />
          {t('sensitiveContent')}
        </label>
        <div className="md:col-span-2"><button type="submit" className={button}>{t('save')}</button></div>
      </ActionForm>
      <section id="aliases" aria-labelledby="aliases-heading" className="mt-8">
        <h2 id="aliases-heading" className="text-xl font-semibold">{t('aliasesHeading')}</h2>
        <ul className="mt-2 space-y-1">
          {p.aliases.map((a) => (
            <li key={a.id}>
              <ActionForm action={removeAliasAction} notices={notices} className="flex items-center gap-2">
                {hidden}
                <input type="hidden" name="aliasId" value={a.id} />
                <bdi>{a.name}</bdi>
                <button type="submit" className="text-sm underline">{t('removeAlias', { name: a.name })}</button>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={addAliasAction} notices={notices} className="mt-2">
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
        <ActionForm action={addSourceAction} notices={notices} className="mt-2">
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
              <ActionForm action={linkTestimonyAction} notices={notices} className="flex items-center gap-2">
                {hidden}
                <input type="hidden" name="testimonyId" value={x.id} />
                <input type="hidden" name="linked" value="no" />
                <a href={`/${locale}/staff/testimonies/${x.id}`}>{tm(`status.${x.status}`)}</a>
                <button type="submit" className="text-sm underline">{t('unlink')}</button>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={linkTestimonyAction} notices={notices} className="mt-2">
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
          <ActionForm action={undoMergeAction} notices={notices} className="mt-2">
            {hidden}
            <p>{t('mergedNotice')}</p>
            <button type="submit" className={button}>{t('undoMerge')}</button>
          </ActionForm>
        ) : (
          <ActionForm action={mergePersonAction} notices={notices} className="mt-2">
            {hidden}
            <label htmlFor="merge-target" className="block font-medium">{t('mergeLabel')}</label>
            <input id="merge-target" name="targetId" required dir="ltr" className={field} />
            <button type="submit" className={button}>{t('merge')}</button>
          </ActionForm>
        )}
      </section>
    </>
  );
}
