import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { isDatabaseUnavailable, withDb } from '@/lib/db';
import { AttachmentUpload } from '@/components/forms/attachment-upload';
import { FormMessages } from '@/components/forms/form-messages';
import { AboutStep } from '@/components/submit/about-step';
import { AccountStep } from '@/components/submit/account-step';
import { ConsentStep } from '@/components/submit/consent-step';
import { FilesStep } from '@/components/submit/files-step';
import { PersonSearch } from '@/components/submit/person-search';
import { ReviewStep } from '@/components/submit/review-step';
import { StepNav } from '@/components/submit/step-nav';
import { requirePageAccess } from '@/lib/authz/page-access';
import { AppError } from '@/lib/errors';
import { routing } from '@/lib/i18n/routing';
import { getOwnDraft } from '@/lib/testimonies';
import { stepShell } from '@/lib/forms-shell/shell-mode';
import { aboutChoices } from '@/lib/testimonies/about-choices';
import { submitSteps, type SubmitStep } from '@/lib/validation/testimony';
import { removeAttachmentAction } from '../../../attachments/actions';
import { saveStepAction, submitTestimonyAction } from '../../actions';

export const dynamic = 'force-dynamic';

/** Steps that are one form of typed answers (files and review show stored data only). */
const formSteps = new Set<SubmitStep>(['about', 'account', 'consent']);

/**
 * The catalogue a step's client components read (components/submit: the step's own words, the
 * frame's buttons and autosave line, the fields' refusals, the date fields), besides `Errors`: only
 * these travel in the page (the whole of Submit, Media and Validation was ~12 KB of every step).
 */
const frameMessages = ['Submit.continue', 'Submit.saveLater', 'Submit.autosaved', 'Submit.autosaveFailed', 'Submit.validation', 'Submit.requiredMark'];
const formStepMessages: Record<string, string[]> = {
  about: [...frameMessages, 'Submit.about', 'Submit.date'],
  account: [...frameMessages, 'Submit.account', 'Submit.date'],
  consent: [...frameMessages, 'Submit.consent'],
};

type Props = { params: Promise<{ locale: string; draftId: string; step: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Neutral titles: the step's name only, never a person's name (titles end up in history and tabs).
export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const { locale, step } = await params;
  if (!hasLocale(routing.locales, locale) || !submitSteps.includes(step as SubmitStep)) return {};
  const t = await getTranslations({ locale, namespace: 'Submit' });
  return { title: t(`steps.${step as SubmitStep}`), robots: { index: false } };
}

export default async function SubmitStepPage({ params, searchParams }: Props) {
  const { locale, draftId, step: rawStep } = await params;
  if (!hasLocale(routing.locales, locale) || !submitSteps.includes(rawStep as SubmitStep)) notFound();
  const step = rawStep as SubmitStep;
  setRequestLocale(locale);
  const path = `/${locale}/submit/${draftId}/${step}`;
  // The server's render of this step's shell (lib/forms-shell/step-shell.mjs): placeholders for the
  // draft id, the name and the text answers, the choices of the shape asked for; no session, no draft.
  const shell = await stepShell();
  if (shell && (shell.shape.locale !== locale || shell.shape.step !== step || shell.draftId !== draftId)) notFound();
  const loaded = shell
    ? null
    : await (async () => {
    const viewer = await requirePageAccess({ permission: 'testimony.edit.own' }, { locale, path });
    const draft = await withDb(getOwnDraft, viewer, draftId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    });
    return { draft };
  })().catch((error: unknown) => {
    // The database is down: a step with a form is shown anyway, empty, so that a form posted
    // without JavaScript comes back with what was typed (the form fills it in from the action's
    // answer, and shows only the "try again" notice when nothing was posted).
    if (formSteps.has(step) && isDatabaseUnavailable(error)) return null;
    throw error;
  });
  const draft = loaded?.draft;
  if (draft && !draft.editable.includes(step)) {
    redirect(draft.editable.length ? `/${locale}/submit/${draftId}/${draft.editable[0]}` : `/${locale}/my-testimonies/${draftId}`);
  }
  const t = await getTranslations('Submit');
  const label = t(`steps.${step}`);
  const values = shell ? shell.values : (draft?.draft[step as 'about'] ?? {});
  const q = typeof (await searchParams).q === 'string' ? ((await searchParams).q as string).slice(0, 200) : '';
  const unavailable = !loaded && !shell;
  const about = step === 'about' && loaded ? await withDb(aboutChoices, locale, values, q) : null;

  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      {(draft || shell) && <StepNav locale={locale} draftId={draftId} current={step} editable={shell ? shell.shape.editable : draft!.editable} />}
      <h1 className="mt-4 text-2xl font-bold sm:text-3xl">{label}</h1>
      <FormMessages {...(formStepMessages[step] ? { namespaces: formStepMessages[step], common: ['Errors'] } : { namespaces: ['Submit', 'Media'] })}>
        {step === 'about' && (
          <>
            <p className="mt-2">{t('about.intro')}</p>
            <AboutStep action={saveStepAction} draftId={draftId} locale={locale} values={values} label={label} unavailable={unavailable} choices={about?.choices ?? []} chosen={about?.chosen ?? []} search={loaded && <PersonSearch locale={locale} q={q} noMatch={!!about?.noMatch} />} />
          </>
        )}
        {step === 'account' && (
          <>
            <p className="mt-2">{t('account.intro')}</p>
            <AccountStep action={saveStepAction} draftId={draftId} locale={locale} values={values} label={label} unavailable={unavailable} />
          </>
        )}
        {step === 'files' && (
          <>
            <p className="mt-2">{t('files.intro')}</p>
            <FilesStep action={saveStepAction} draftId={draftId} locale={locale} label={label} uploader={<AttachmentUpload removeAction={removeAttachmentAction} testimonyId={draftId} locale={locale} outcome={(await searchParams).upload} />} />
          </>
        )}
        {step === 'consent' && (
          <>
            <p className="mt-2">{t('consent.intro')}</p>
            <ConsentStep action={saveStepAction} draftId={draftId} locale={locale} values={values} label={label} unavailable={unavailable} />
          </>
        )}
        {step === 'review' && draft && <ReviewStep submitAction={submitTestimonyAction} locale={locale} draft={draft} />}
      </FormMessages>
    </div>
  );
}
