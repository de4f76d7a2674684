'use client';
// "Approve and publish" and what it asks first. Publishing is refused while the checks still find
// something identifying in the text to publish (a phone number, an address) unless the moderator
// ticks, item by item, that they checked it is not identifying (lib/moderation/redaction-save.ts).
// For the moderator holding the claim the button belongs to the redaction form (its `form`
// attribute), so it sends the box as it is: a box changed and not saved is refused, and with
// JavaScript the page says so beside the button before it is pressed (a live region).
import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/forms/form-alert';
import { useFieldError } from '@/components/forms/form-state-context';
import { sentBy, useRedactionForm } from './redaction-form';

export type RemainingItem = { key: string; label: string; text: string };
export type PublishLabels = { hint: string; button: string; unsaved: string; confirmLegend: string };

const button = 'mt-2 rounded border border-muted bg-green-100 px-4 py-2 font-semibold hover:bg-white disabled:opacity-60';

/**
 * The ticks "I checked: not identifying", one per item the checks still find; `form`: the form they
 * belong to; `error`: the server's refusal (null: none) from a form whose state is not in
 * FormStateContext (that context's is used only when `error` is not given).
 */
export function NotIdentifyingFieldset({ items, legend, form, language, error: given, errorId = 'not-identifying-error' }: { items: RemainingItem[]; legend: string; form?: string; language: string; error?: string | null; errorId?: string }) {
  const tv = useTranslations('Validation');
  const fromContext = useFieldError('notIdentifying');
  const error = given === undefined ? fromContext : (given ?? undefined);
  if (items.length === 0) return null;
  return (
    <fieldset className="mt-2 rounded border border-red-800 p-3" aria-describedby={error ? errorId : undefined}>
      <legend className="px-1 font-semibold text-red-800">{legend}</legend>
      <ul className="space-y-1">
        {items.map((item) => (
          <li key={item.key}>
            <label className="flex gap-2">
              <input type="checkbox" name="notIdentifying" value={item.key} form={form} aria-invalid={error ? true : undefined} />
              <span>
                {item.label}: <bdi lang={language} className="font-mono">{item.text}</bdi>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error ? <p id={errorId} role="alert" className="mt-1 text-sm font-semibold text-red-800">{tv(error as 'required')}</p> : null}
    </fieldset>
  );
}

/** The holder's "Approve and publish", part of the redaction form (./redaction-form.tsx). */
export function PublishControls({ remaining, labels, language }: { remaining: RemainingItem[]; labels: PublishLabels; language: string }) {
  const { state, pending, formId, unsaved } = useRedactionForm();
  return (
    <div>
      <NotIdentifyingFieldset items={remaining} legend={labels.confirmLegend} form={formId} language={language} />
      <p className="mt-2">{labels.hint}</p>
      {/* Present from the start, so that its message is announced when it appears. */}
      <p id="publish-unsaved" role="status" className="mt-2 font-semibold text-amber-900 empty:hidden">{unsaved ? labels.unsaved : ''}</p>
      <button type="submit" form={formId} name="mode" value="publish" disabled={pending} aria-describedby={unsaved ? 'publish-unsaved' : undefined} className={button}>
        {labels.button}
      </button>
      {sentBy(state) === 'publish' ? <FormAlert state={state} compact /> : null}
    </div>
  );
}
