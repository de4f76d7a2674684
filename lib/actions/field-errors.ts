// The one mapping from a failed zod parse to what a form shows next to its fields, used by the
// server (lib/actions/define-action.ts) and by the live check in the browser
// (components/forms/use-action-form.ts). Pure: importable by client code.
import type { z } from 'zod';

/** A schema's message as a catalogue key: schemas give keys; zod's own English defaults become 'invalid'. */
export const errorKey = (message: string): string => (/^[a-zA-Z]+$/.test(message) ? message : 'invalid');

/**
 * Field name → catalogue key, the first issue of each field. A form posts flat names, so an issue
 * inside a field's value (an element of a multi-choice list) belongs to the field itself.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? 'form');
    fields[name] ??= errorKey(issue.message);
  }
  return fields;
}
