'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { FormAction } from './action-state';
import { Field } from './field';
import { currentChallenge, FormGate } from './form-gate';
import { ProofOfWork } from './proof-of-work';
import { FormAlert, secondaryButton, submitButton } from './form-alert';
import { RecoveryCodes } from './recovery-codes';
import { recoveryCodesFileName } from './recovery-codes-file';
import { useActionForm } from './use-action-form';
import { useCheckedForm } from './use-checked-form';
import { isolate } from '@/components/layout/isolate';

type Created = { recoveryCodes: string[]; username: string };
type Actions = { signUp: FormAction<Created>; generatePassphrase: FormAction<{ passphrase: string }> };
type Props = {
  actions: Actions;
  locale: string;
  challenge: string;
  continueTo: string;
  /** The page's own words under the heading (server-rendered), shown with the form only. */
  intro: ReactNode;
  /** "Already have an account? Sign in", shown with the form only. */
  footer: ReactNode;
  /**
   * Shown in place of the form to a person already signed in (issue 18: the codes page reloaded
   * without JavaScript showed the create form again, with "form expired"). The codes of a
   * sign-up just made are still shown: that page is this one re-rendered with the action's answer.
   */
  signedIn?: ReactNode;
};

/**
 * Sign-up, the whole page below the header: its heading, the form and, once the account exists,
 * the page it becomes — a heading of its own, the recovery codes and the way on — with nothing of
 * the form left around it. "Generate a passphrase" is its own small form posting to its own action,
 * so it works without JavaScript too; its result is shown once and pre-fills the main form.
 */
export function SignUpForm({ actions, locale, challenge, continueTo, intro, footer, signedIn }: Props) {
  const t = useTranslations('SignUp');
  const { state: generated, formAction: generate, pending: generating } = useActionForm(actions.generatePassphrase);
  // The suggestion: just generated, or — after a refused post without JavaScript, which re-rendered
  // the page without the other form's answer — the one the refused form carried back.
  const passphrase = generated.status === 'ok' ? generated.data.passphrase : undefined;
  const signUp = useCheckedForm(actions.signUp, {
    schema: () => import('@/lib/validation/account').then((m) => m.signUpSchema),
    // Checked on sending, then as she corrects: a refusal appearing as she left the username put
    // a line above the next control as her finger came down on it (issue 18: the "I wrote it
    // down" box, tapped right after a username with a space, moved and the tap missed).
    check: 'submit',
    defaults: { username: '', passphrase: passphrase ?? '', passphraseConfirm: passphrase ?? '', generated: passphrase ? 'yes' : 'no' },
  });
  if (signUp.state.status === 'ok') return <Created created={signUp.state.data} continueTo={continueTo} />;
  if (signedIn) return signedIn;
  const suggestion = passphrase ?? (signUp.state.status === 'error' ? signUp.state.values?.suggestion : undefined);
  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {intro}
      <section aria-labelledby="generate-heading" className="mt-8 rounded border border-line bg-white p-4">
        <h2 id="generate-heading" className="text-lg font-semibold">
          {t('generateHeading')}
        </h2>
        <p className="mt-1 text-sm text-muted">{t('generateText')}</p>
        <form action={generate} className="mt-3">
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className={secondaryButton} disabled={generating}>
            {t('generateButton')}
          </button>
        </form>
        {suggestion && (
          <div className="mt-4">
            <h3 className="font-semibold">{t('generatedHeading')}</h3>
            <p className="text-sm">{t('generatedText')}</p>
            <p dir="ltr" aria-label={t('generatedHeading')} className="mt-2 rounded bg-line px-3 py-2 font-mono text-lg break-words">
              {suggestion}
            </p>
          </div>
        )}
      </section>
      <MainForm form={signUp} locale={locale} generated={suggestion} challenge={challenge} />
      {footer}
    </>
  );
}

/** The page once the account exists: where she is, her codes to keep, and the way on. */
function Created({ created, continueTo }: { created: Created; continueTo: string }) {
  const t = useTranslations('SignUp');
  const heading = useRef<HTMLHeadingElement>(null);
  // With JavaScript the page changed under her: a screen reader starts again from the new heading.
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold focus:outline-none">
        {t('createdHeading')}
      </h1>
      <p className="mt-2 text-lg">{t.rich('createdSignedIn', { username: created.username, isolate })}</p>
      <section aria-labelledby="codes-heading" className="mt-8">
        <h2 id="codes-heading" className="text-xl font-semibold">
          {t('codesHeading')}
        </h2>
        <p className="mt-2">{t('codesText')}</p>
        <RecoveryCodes codes={created.recoveryCodes} label={t('codesHeading')} download={t('downloadCodes')} downloadHint={t('downloadCodesHint', { file: recoveryCodesFileName })} />
      </section>
      <a href={continueTo} className={`${submitButton} inline-block no-underline`}>
        {t('continueSaved')}
      </a>
    </>
  );
}

function MainForm({ form: signUp, locale, generated, challenge: issued }: { form: ReturnType<typeof useCheckedForm<Created>>; locale: string; generated?: string; challenge: string }) {
  const t = useTranslations('SignUp');
  const { state, formAction, pending, form, field, formRef, onSubmit, errorOf, values } = signUp;
  // With JavaScript, a newly generated passphrase fills the fields already on the page.
  useEffect(() => {
    if (!generated) return;
    form.reset({ ...form.getValues(), passphrase: generated, passphraseConfirm: generated, generated: 'yes' });
  }, [generated, form]);
  const savedError = errorOf('saved');
  const challenge = currentChallenge(state, issued);
  // Rendered on the server after a post without JavaScript: a passphrase she typed herself is not
  // in the page that came back (the action never echoes it), so the alert must not say that
  // nothing was lost; with JavaScript the boxes still hold it.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const notKept = !hydrated && state.status === 'error' && state.values?.passphraseNotKept === 'yes';
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="sign-up-heading" className="mt-8">
      <h2 id="sign-up-heading" className="sr-only">
        {t('title')}
      </h2>
      <FormAlert state={state} messages={notKept ? { invalid_input: 'SignUp.checkFields', unavailable: 'SignUp.unavailable' } : undefined} />
      {notKept && <p className="mt-2 font-medium text-red-900">{t('passphraseNotKept')}</p>}
      <input type="hidden" name="locale" value={locale} />
      {generated && <input type="hidden" name="suggestion" value={generated} />}
      <FormGate challenge={challenge} />
      <input type="hidden" {...field('generated')} />
      <Field id="username" label={t('username')} hint={t('usernameHint')} error={errorOf('username')} registration={field('username')} autoComplete="username" autoCapitalize="none" spellCheck={false} />
      <Field id="passphrase" type="password" label={t('passphrase')} hint={t('passphraseHint')} error={errorOf('passphrase')} registration={field('passphrase')} autoComplete="new-password" />
      <Field id="passphraseConfirm" type="password" label={t('passphraseConfirm')} error={errorOf('passphraseConfirm')} registration={field('passphraseConfirm')} autoComplete="new-password" />
      {generated && (
        <div className="mt-4">
          <label className="flex items-start gap-2">
            <input type="checkbox" value="yes" defaultChecked={values.saved === 'yes'} className="mt-1" aria-invalid={savedError ? true : undefined} aria-describedby={savedError ? 'saved-error' : undefined} {...form.register('saved')} />
            <span>{t('saved')}</span>
          </label>
          {savedError && <SavedError id="saved-error" code={savedError} />}
        </div>
      )}
      {/* Keyed by the challenge: after a refusal (which spent the proof) a new one is solved. */}
      <ProofOfWork key={challenge} />
      <button type="submit" className={submitButton} disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}

const noSubscription = () => () => {};

function SavedError({ id, code }: { id: string; code: string }) {
  const t = useTranslations('Validation');
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800">
      {t(code as 'required')}
    </p>
  );
}
