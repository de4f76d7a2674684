'use client';
// Creates an invitation and shows its link once. The link is in the action's answer only: it is
// not stored anywhere the page could show it again (the database keeps a hash).
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/define-action';

type Created = { path: string; role: 'moderator' | 'admin'; expiresAt: string };
type Action = (previous: ActionState<Created>, formData: FormData) => Promise<ActionState<Created>>;

export function CreateInvitationForm({
  action,
  locale,
  origin,
  labels,
  roles,
  errors,
}: {
  action: Action;
  locale: string;
  /** The site's public address, so the copied link works when pasted elsewhere. */
  origin: string;
  labels: { role: string; create: string; link: string; notice: string };
  roles: { value: string; label: string }[];
  errors: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionState<Created>);
  const link = state.status === 'ok' ? new URL(state.data.path, origin).toString() : null;
  const expires =
    state.status === 'ok'
      ? new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian-nu-arabext' : 'en', {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: 'UTC',
          // dateStyle/timeStyle cannot be combined with timeZoneName (a TypeError): UTC is appended.
        }).format(new Date(state.data.expiresAt)) + ' UTC'
      : '';
  return (
    <form action={formAction} aria-busy={pending} className="mt-4 space-y-3">
      <input type="hidden" name="locale" value={locale} />
      <div>
        <label htmlFor="invite-role" className="block font-medium">
          {labels.role}
        </label>
        <select id="invite-role" name="role" defaultValue="moderator" className="mt-1 rounded border border-muted bg-white px-3 py-2">
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">
        {labels.create}
      </button>
      <div role="status">
        {link && (
          <div className="rounded border border-line bg-white p-4">
            <label htmlFor="invite-link" className="block font-medium">
              {labels.link}
            </label>
            {/* Left-to-right whatever the page direction: a URL read backwards cannot be checked. */}
            <input id="invite-link" readOnly value={link} dir="ltr" className="mt-1 w-full rounded border border-muted px-3 py-2 font-mono text-sm" />
            <p className="mt-2 text-sm">{labels.notice.replace('{expires}', expires)}</p>
          </div>
        )}
        {state.status === 'error' && <p className="font-semibold">{errors[state.error] ?? errors.unexpected}</p>}
      </div>
    </form>
  );
}
