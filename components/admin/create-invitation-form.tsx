'use client';
// Creates an invitation and shows its link once. The link is in the action's answer only: it is
// not stored anywhere the page could show it again (the database keeps a hash).
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import type { ActionState } from '@/lib/actions/define-action';

type Created = { path: string; role: 'moderator' | 'admin'; expiresAt: string };
type Action = (previous: ActionState<Created>, formData: FormData) => Promise<ActionState<Created>>;

export function CreateInvitationForm({
  action,
  locale,
  origin,
  labels,
  roles,
}: {
  action: Action;
  locale: string;
  /** The site's public address, so the copied link works when pasted elsewhere. */
  origin: string;
  labels: { role: string; create: string; link: string; notice: string; copy: string; copied: string };
  roles: { value: string; label: string }[];
}) {
  const { state, formAction, pending } = useActionForm(action);
  const router = useRouter();
  // The pending list below the form is server-rendered: refresh it once the invitation exists.
  useEffect(() => {
    if (state.status === 'ok') router.refresh();
  }, [state, router]);
  // "Copy" needs JavaScript; without it the read-only field can be selected and copied by hand.
  // (false in the server's HTML, true once hydrated).
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [copied, setCopied] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const link = state.status === 'ok' ? new URL(state.data.path, origin).toString() : null;
  const expires =
    state.status === 'ok'
      ? new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian-nu-arabext' : 'en', {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: 'UTC',
          // dateStyle/timeStyle cannot be combined with timeZoneName (a TypeError): the zone is
          // appended, in the glossary's words in Persian («به وقت جهانی»), never a Latin "UTC".
        }).format(new Date(state.data.expiresAt)) + (locale === 'fa' ? ' به وقت جهانی' : ' UTC')
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
            <div className="mt-1 flex flex-wrap gap-2">
              <input ref={field} id="invite-link" readOnly value={link} dir="ltr" className="min-w-0 flex-1 rounded border border-muted px-3 py-2 font-mono text-sm" />
              {scripted && (
                <button type="button" onClick={() => copyLink(link, field.current).then(() => setCopied(link))} className="rounded border border-muted px-3 py-2 hover:bg-white">
                  {copied === link ? labels.copied : labels.copy}
                </button>
              )}
            </div>
            <p className="mt-2 text-sm">{labels.notice.replace('{expires}', expires)}</p>
          </div>
        )}
      </div>
      <FormAlert state={state} compact />
    </form>
  );
}

const noSubscription = () => () => {};

/** The Clipboard API exists only on secure origins; elsewhere the selected field is copied. */
async function copyLink(link: string, input: HTMLInputElement | null): Promise<void> {
  if (navigator.clipboard) return navigator.clipboard.writeText(link);
  input?.select();
  document.execCommand('copy');
}
