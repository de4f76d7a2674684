'use client';
// The invited person's form: username (unless the invitation fixed it), passphrase twice. Works
// without JavaScript (the action redirects to sign-in on success); passphrases are never echoed back.
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/define-action';

// On success the action redirects (to sign-in), so it never answers "ok".
type Action = (previous: ActionState<never>, formData: FormData) => Promise<ActionState<never>>;

export type AcceptInvitationLabels = {
  username: string;
  usernameHint: string;
  fixedUsername: string | null;
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
  validation,
  errors,
}: {
  action: Action;
  token: string;
  locale: string;
  fixedUsername: string | null;
  labels: AcceptInvitationLabels;
  /** The `Validation` catalogue, by key. */
  validation: Record<string, string>;
  /** The `Errors` catalogue, by code. */
  errors: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<never>);
  const fieldErrors = state.status === 'error' ? { ...state.fieldErrors } : {};
  // A taken username is found only when the account is created: shown on its field.
  if (state.status === 'error' && state.error === 'conflict') fieldErrors.username = 'usernameTaken';
  const formError =
    state.status === 'error' && !Object.keys(fieldErrors).length ? (errors[state.error] ?? errors.unexpected) : null;
  const message = (name: string) => (fieldErrors[name] ? (validation[fieldErrors[name]] ?? validation.invalid) : null);
  const describedBy = (name: string, hint?: boolean) =>
    [hint ? `${name}-hint` : '', fieldErrors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form action={formAction} aria-busy={pending} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      {formError && (
        <p role="alert" className="font-semibold text-accent-ink">
          {formError}
        </p>
      )}
      {fixedUsername ? (
        <>
          <p>{labels.fixedUsername}</p>
          <input type="hidden" name="username" value={fixedUsername} />
        </>
      ) : (
        <div>
          <label htmlFor="username" className="block font-medium">
            {labels.username}
          </label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            defaultValue={state.status === 'error' ? state.values?.username : undefined}
            aria-invalid={!!fieldErrors.username}
            aria-describedby={describedBy('username', true)}
            className={field}
          />
          <p id="username-hint" className="text-sm text-muted">
            {labels.usernameHint}
          </p>
          {message('username') && (
            <p id="username-error" className="text-sm font-semibold text-accent-ink">
              {message('username')}
            </p>
          )}
        </div>
      )}
      <div>
        <label htmlFor="passphrase" className="block font-medium">
          {labels.passphrase}
        </label>
        <input
          id="passphrase"
          name="passphrase"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!fieldErrors.passphrase}
          aria-describedby={describedBy('passphrase', true)}
          className={field}
        />
        <p id="passphrase-hint" className="text-sm text-muted">
          {labels.passphraseHint}
        </p>
        {message('passphrase') && (
          <p id="passphrase-error" className="text-sm font-semibold text-accent-ink">
            {message('passphrase')}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="passphraseConfirm" className="block font-medium">
          {labels.confirm}
        </label>
        <input
          id="passphraseConfirm"
          name="passphraseConfirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!fieldErrors.passphraseConfirm}
          aria-describedby={describedBy('passphraseConfirm')}
          className={field}
        />
        {message('passphraseConfirm') && (
          <p id="passphraseConfirm-error" className="text-sm font-semibold text-accent-ink">
            {message('passphraseConfirm')}
          </p>
        )}
      </div>
      <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">
        {labels.submit}
      </button>
    </form>
  );
}
