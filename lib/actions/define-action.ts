// One wrapper for every server action (ENGINEERING.md pattern 2): parse with the form's zod
// schema, load the viewer from the database, check the declared access, run the handler, and map
// failures to typed codes the form translates. Nothing else may be exported from an actions file:
// the authorization matrix test (lib/authz/matrix.integration.test.ts) finds every export and
// fails on any that was not made here.
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { reissueChallenge } from '@/lib/abuse/challenge';
import { challengeField } from '@/lib/abuse/challenge-fields';
import type { Db } from '@/db/types';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { checkAccess, type Access } from '@/lib/authz/access';
import { AppError, type ErrorCode } from '@/lib/errors';
import { isSameOriginRequest } from '@/lib/security/same-origin';
import { fieldErrorsOf } from './field-errors';
import { formDataToObject } from './form-data';

export type ActionState<T = null> =
  | { status: 'idle' }
  | { status: 'ok'; data: T }
  | {
      status: 'error';
      error: ErrorCode;
      /** Field name → catalogue key under `Validation`. */
      fieldErrors?: Record<string, string>;
      /** What the person typed, so a page re-rendered without JavaScript loses nothing. */
      values?: Record<string, string>;
      retryAfterSeconds?: number;
      /** A fresh form challenge, for forms whose refused post may have spent theirs (`gate`). */
      challenge?: string;
    };

export const idle: ActionState<never> = { status: 'idle' };

export type ActionContext = {
  viewer: Viewer | null;
  db: Db;
  /** The raw form, for what zod does not parse: uploaded files (`formDataToObject` keeps strings only). */
  formData: FormData;
  /** The form's strings as posted, before the schema parsed them (repeated names as arrays). */
  raw: Record<string, string | string[]>;
  /**
   * Parses `value` with another schema and refuses like the spec's own schema does (`invalid_input`
   * with the fields' errors). For a form that keeps what was typed even when it is not valid yet:
   * the spec's schema parses only the envelope, the handler saves, then checks (the submission steps).
   */
  check: <S extends z.ZodType>(schema: S, value: unknown) => z.output<S>;
};

export type ActionSpec<S extends z.ZodType, T> = {
  /** Stable name, used by the authorization matrix and in logs. */
  name: string;
  schema: S;
  access: Access;
  /**
   * Fields echoed back on error. Never a passphrase or a second-factor code; the one secret kept is
   * the recovery form's code (lib/security/outage-fields.ts: echoedSecrets).
   */
  keep?: readonly string[];
  /**
   * Values worked out from the post to echo back on error beside `keep`: only what the page itself
   * had shown (sign-up: the passphrase it generated and offered, when she chose it).
   */
  echo?: (raw: Record<string, string | string[]>) => Record<string, string>;
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>;
  /**
   * The form carries a gate (lib/abuse/challenge.ts) that a refused post may spend: every refusal
   * then brings a fresh challenge, which the form uses in place of the page's (components/forms/form-gate.tsx).
   */
  gate?: boolean;
};

export const actionSpecKey = Symbol.for('yadman.action-spec');

export type ServerAction<T> = ((previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>) & {
  [actionSpecKey]: ActionSpec<z.ZodType, T>;
};

export function defineAction<S extends z.ZodType, T = null>(spec: ActionSpec<S, T>): ServerAction<T> {
  const action = async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    // A refusal's fresh challenge keeps the posted one's time of issue (lib/abuse/challenge.ts).
    const gate = spec.gate ? { challenge: reissueChallenge(formData instanceof FormData ? formData.get(challengeField) : null) } : {};
    // Next calls an action with whatever the post decodes to. Our forms (useActionState) always send
    // (state, form); a post of another shape — a no-JavaScript post naming the action directly
    // (`$ACTION_ID_…`) or with bound arguments that are not a reference, an action call with other
    // arguments — has no form to read. Refused like a form that cannot be read, in the page's
    // language, with one log line (it was a TypeError, a 500 and a stack trace per post).
    if (!(formData instanceof FormData)) {
      console.warn(`action ${spec.name} refused a post that carried no form`);
      return { status: 'error', error: 'malformed_form', ...gate };
    }
    const raw = formDataToObject(formData);
    const values = { ...keptValues(raw, spec.keep), ...spec.echo?.(raw) };
    try {
      // Before anything is read or written: a page of another site must not act with the
      // visitor's cookies (Next checks Origin too; this also covers Sec-Fetch-Site and Origin: null).
      if (!isSameOriginRequest(await headers())) throw new AppError('cross_site');
      const viewer = await getViewer();
      checkAccess(viewer, spec.access);
      const input = check(spec.schema, raw); // refused below as `invalid_input` with the fields' errors
      const data = await spec.handler(input, { viewer, db: await getDb(), formData, raw, check });
      return { status: 'ok', data };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof AppError) {
        return {
          status: 'error',
          error: error.code,
          // What the server gives back in place of what was typed wins (e.g. a re-based text).
          values: error.values ? { ...values, ...error.values } : values,
          ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
          ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
          ...gate,
        };
      }
      // Down or restarting: the person is asked to try again, with everything they typed kept.
      const code = isDatabaseUnavailable(error) ? 'unavailable' : 'unexpected';
      console.error(`action ${spec.name} failed: ${code === 'unavailable' ? 'database unavailable' : error instanceof Error ? error.name : 'unknown error'}`);
      return { status: 'error', error: code, values, ...gate };
    }
  };
  return Object.assign(action, { [actionSpecKey]: spec as ActionSpec<z.ZodType, T> });
}

function keptValues(raw: Record<string, string | string[]>, keep: readonly string[] = []) {
  const values: Record<string, string> = {};
  for (const name of keep) {
    const value = raw[name];
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}
