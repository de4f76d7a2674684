'use client';
// The admin's settings form. Success redirects back to the page (which re-reads the database);
// an error shows beside the form with the typed window kept, with or without JavaScript.
import type { FormAction } from '@/components/forms/action-state';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import type { Settings } from '@/lib/validation/settings';

export function SettingsForm({
  action,
  locale,
  current,
  labels,
}: {
  action: FormAction<never>;
  locale: string;
  current: Settings;
  labels: { fourEyes: string; fourEyesHint: string; window: string; windowHint: string; save: string; invalid: string };
}) {
  const { state, formAction, pending } = useActionForm(action);
  const failed = state.status === 'error' ? state : null;
  const windowError = failed?.fieldErrors?.coordinatedWindowHours ? labels.invalid : null;
  return (
    <form action={formAction} aria-busy={pending} className="mt-4 max-w-prose space-y-4">
      <input type="hidden" name="locale" value={locale} />
      <div>
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" name="fourEyes" defaultChecked={current.four_eyes} aria-describedby="four-eyes-hint" />
          {labels.fourEyes}
        </label>
        <p id="four-eyes-hint" className="mt-1 text-sm text-muted">{labels.fourEyesHint}</p>
      </div>
      <div>
        <label htmlFor="coordinated-window" className="block font-medium">{labels.window}</label>
        <input
          id="coordinated-window"
          name="coordinatedWindowHours"
          type="number"
          min={1}
          max={2160}
          required
          defaultValue={failed?.values?.coordinatedWindowHours ?? current.coordinated_window_hours}
          aria-describedby="coordinated-window-hint"
          aria-invalid={windowError ? true : undefined}
          className="mt-1 w-32 rounded border border-muted bg-white px-3 py-2"
        />
        <p id="coordinated-window-hint" className="mt-1 text-sm text-muted">{labels.windowHint}</p>
      </div>
      <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">{labels.save}</button>
      {windowError ? <p role="alert" className="text-sm font-semibold text-red-800">{windowError}</p> : <FormAlert state={state} compact />}
    </form>
  );
}
