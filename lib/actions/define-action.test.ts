// A post Next hands to an action in another shape than (state, form) — a no-JavaScript post naming
// the action directly (`$ACTION_ID_…`), bound arguments that are not a reference, a call with other
// arguments — is refused as a form that cannot be read, before anything is read or done; it was a
// TypeError on `formData.entries`, a 500 and a stack trace in the server's log.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineAction, idle } from './define-action';

vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }) }));
vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => null }));
vi.mock('@/db/client', () => ({ getDb: async () => ({}) }));

const handler = vi.fn(async (input: { note: string }) => input.note);
const action = defineAction({ name: 'test.note', schema: z.object({ note: z.string() }), access: 'public', handler });
const call = action as (...args: unknown[]) => ReturnType<typeof action>;

afterEach(() => {
  vi.restoreAllMocks();
  handler.mockClear();
});

describe('defineAction given no form', () => {
  const form = () => {
    const data = new FormData();
    data.set('note', 'hello');
    return data;
  };

  it.each([
    ['the form alone ($ACTION_ID_ post)', [form()]],
    ['bound arguments that are not a reference, and no form', [5]],
    ['nothing', []],
    ['a state and something else', [idle, 'note=hello']],
  ])('%s: refused as malformed_form, the handler not run, one warning and no error logged', async (_name, args) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await call(...args)).toEqual({ status: 'error', error: 'malformed_form' });
    expect(handler).not.toHaveBeenCalled();
    expect(warn.mock.calls).toEqual([['action test.note refused a post that carried no form']]);
    expect(error).not.toHaveBeenCalled();
  });

  it('the same form as (state, form) is run (no over-blocking)', async () => {
    expect(await call(idle, form())).toEqual({ status: 'ok', data: 'hello' });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
