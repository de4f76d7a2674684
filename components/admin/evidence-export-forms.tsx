'use client';
// The investigators' export forms (issue 23 §1). Plain forms posting to server actions: they work
// without JavaScript (the page comes back re-rendered with the outcome); with it, in place.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { FormAction as Action } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
const field = 'mt-1 block w-full max-w-2xl rounded border border-muted bg-white px-3 py-2';

export type RequestLabels = {
  recipientName: string;
  recipientKey: string;
  recipientKeyHint: string;
  testimonyIds: string;
  personIds: string;
  idsHint: string;
  filterStatus: string;
  filterNone: string;
  withPersonTestimonies: string;
  includeMessages: string;
  submit: string;
  requested: string;
  approvedAtOnce: string;
};

export function RequestExportForm({
  action,
  labels,
  statuses,
  validation,
}: {
  action: Action<{ id: string; status: 'awaiting_approval' | 'approved' }>;
  labels: RequestLabels;
  statuses: { value: string; label: string }[];
  validation: Record<string, string>;
}) {
  const { state, formAction, pending } = useActionForm(action);
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const fieldError = (name: string) => (state.status === 'error' && state.fieldErrors?.[name] ? (validation[state.fieldErrors[name]] ?? validation.invalid) : null);
  const described = (name: string) => (fieldError(name) ? `${name}-error` : undefined);
  const errorOf = (name: string) => {
    const message = fieldError(name);
    return message ? <p id={`${name}-error`} className="mt-1 font-semibold text-red-800">{message}</p> : null;
  };
  return (
    <form action={formAction} aria-busy={pending} className="mt-3 space-y-4">
      <FormAlert state={state} compact />
      {state.status === 'ok' && (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2">
          {state.data.status === 'approved' ? labels.approvedAtOnce : labels.requested}
        </p>
      )}
      <div>
        <label htmlFor="export-recipientName" className="block font-medium">{labels.recipientName}</label>
        <input id="export-recipientName" name="recipientName" required maxLength={200} defaultValue={values.recipientName ?? ''} aria-describedby={described('recipientName')} className={field} />
        {errorOf('recipientName')}
      </div>
      <div>
        <label htmlFor="export-recipientKey" className="block font-medium">{labels.recipientKey}</label>
        <input id="export-recipientKey" name="recipientKey" required dir="ltr" spellCheck={false} autoComplete="off" defaultValue={values.recipientKey ?? ''} aria-describedby={`export-recipientKey-hint ${described('recipientKey') ?? ''}`} className={`${field} font-mono`} />
        <p id="export-recipientKey-hint" className="mt-1 text-sm text-muted">{labels.recipientKeyHint}</p>
        {errorOf('recipientKey')}
      </div>
      <div>
        <label htmlFor="export-testimonyIds" className="block font-medium">{labels.testimonyIds}</label>
        <textarea id="export-testimonyIds" name="testimonyIds" rows={4} dir="ltr" spellCheck={false} defaultValue={values.testimonyIds ?? ''} aria-describedby={`export-ids-hint ${described('testimonyIds') ?? ''}`} className={`${field} font-mono text-sm`} />
        {errorOf('testimonyIds')}
      </div>
      <div>
        <label htmlFor="export-personIds" className="block font-medium">{labels.personIds}</label>
        <textarea id="export-personIds" name="personIds" rows={3} dir="ltr" spellCheck={false} defaultValue={values.personIds ?? ''} aria-describedby={`export-ids-hint ${described('personIds') ?? ''}`} className={`${field} font-mono text-sm`} />
        {errorOf('personIds')}
        <p id="export-ids-hint" className="mt-1 text-sm text-muted">{labels.idsHint}</p>
      </div>
      <div className="flex items-center gap-2">
        <input id="export-withPersonTestimonies" name="withPersonTestimonies" type="checkbox" />
        <label htmlFor="export-withPersonTestimonies">{labels.withPersonTestimonies}</label>
      </div>
      <div>
        <label htmlFor="export-filterStatus" className="block font-medium">{labels.filterStatus}</label>
        <select id="export-filterStatus" name="filterStatus" defaultValue={values.filterStatus ?? ''} className={field}>
          <option value="">{labels.filterNone}</option>
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>{s.label}</option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2">
        <input id="export-includeMessages" name="includeMessages" type="checkbox" />
        <label htmlFor="export-includeMessages">{labels.includeMessages}</label>
      </div>
      <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">{labels.submit}</button>
    </form>
  );
}

export function DecideExportForm({
  approve,
  decline,
  exportId,
  canApprove,
  labels,
}: {
  approve: Action<{ done: 'approved' }>;
  decline: Action<{ done: 'declined' }>;
  exportId: string;
  canApprove: boolean;
  labels: { approve: string; decline: string; ownRequest: string };
}) {
  const { state: approved, formAction: approveAction } = useActionForm(approve);
  const { state: declined, formAction: declineAction } = useActionForm(decline);
  const router = useRouter();
  useEffect(() => {
    if (approved.status === 'ok' || declined.status === 'ok') router.refresh();
  }, [approved, declined, router]);
  const failed = approved.status === 'error' ? approved : declined.status === 'error' ? declined : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canApprove ? (
        <form action={approveAction}>
          <input type="hidden" name="exportId" value={exportId} />
          <button type="submit" className="rounded bg-accent-ink px-3 py-1 font-semibold text-white hover:bg-ink">{labels.approve}</button>
        </form>
      ) : (
        <span className="text-sm">{labels.ownRequest}</span>
      )}
      <form action={declineAction}>
        <input type="hidden" name="exportId" value={exportId} />
        <button type="submit" className="rounded border border-muted px-3 py-1 hover:bg-white">{labels.decline}</button>
      </form>
      {failed && <FormAlert state={failed} compact />}
    </div>
  );
}
