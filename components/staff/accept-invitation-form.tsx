'use client';
// The invited person's form: username (unless the invitation fixed it), passphrase twice. Works
// without JavaScript (the action redirects to sign-in on success); passphrases are never echoed back.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';

export type AcceptInvitationLabels = {
  username: string;
  usernameHint: string;
  /** The sentence naming the fixed username, which is isolated in it (<bdi>). */
  fixedUsername: ReactNode;
  passphrase: string;
  passphraseHint: string;
  confirm: string;
  submit: string;
};

const field = 'mt-1 w-full max-w-md rounded border border-muted bg-white px-3 py-2';

export function AcceptInvitationForm({
  action,
  token,
  locale,
  fixedUsername,
  labels,
}: {
  /** On success it redirects (to sign-in), so it never answers "ok". */
  action: FormAction<never>;
  token: string;
  locale: string;
  fixedUsername: string | null;
  labels: AcceptInvitationLabels;
}) {
  const validation = useTranslations('Validation');
  const { state, formAction, pending } = useActionForm(action);
  const fieldErrors = state.status === 'error' ? { ...state.fieldErrors } : {};
  // A taken username is found only when the account is created: shown on its field.
  if (state.status === 'error' && state.error === 'conflict') fieldErrors.username = 'usernameTaken';
  const formError = state.status === 'error' && !Object.keys(fieldErrors).length;
  const message = (name: string) => (fieldErrors[name] ? (validation.has(fieldErrors[name]) ? validation(fieldErrors[name]) : validation('invalid')) : null);

  return (
    <form action={formAction} aria-busy={pending} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      {formError && <FormAlert state={state} compact />}
      {fixedUsername ? (
        <>
          <p>{labels.fixedUsername}</p>
          <input type="hidden" name="username" value={fixedUsername} />
        </>
      ) : (
        <InvitationField
          name="username"
          label={labels.username}
          hint={labels.usernameHint}
          error={message('username')}
          autoComplete="username"
          defaultValue={state.status === 'error' ? state.values?.username : undefined}
        />
      )}
      <InvitationField name="passphrase" type="password" label={labels.passphrase} hint={labels.passphraseHint} error={message('passphrase')} autoComplete="new-password" />
      <InvitationField name="passphraseConfirm" type="password" label={labels.confirm} error={message('passphraseConfirm')} autoComplete="new-password" />
      <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">
        {labels.submit}
      </button>
    </form>
  );
}

/** A labelled input with its hint and error announced with it (aria-describedby). */
function InvitationField({ name, label, hint, error, type = 'text', autoComplete, defaultValue }: {
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  type?: 'text' | 'password';
  autoComplete: string;
  defaultValue?: string;
}) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        defaultValue={defaultValue}
        aria-invalid={!!error}
        aria-describedby={describedBy}
        className={field}
      />
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="text-sm font-semibold text-accent-ink">
          {error}
        </p>
      )}
    </div>
  );
}
