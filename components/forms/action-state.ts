// Client-safe pieces of lib/actions/define-action.ts (which imports server code): its state type
// only as a type, and the initial state as a local value.
import type { ActionState } from '@/lib/actions/define-action';

export type { ActionState };
/**
 * A server action as a form receives it: as a prop from its page (components never import app/).
 * Written as a method so that a form that only shows the outcome (`FormAction<unknown>`) takes
 * any action: the state it passes back is always the one the action itself returned.
 */
export type FormAction<T = null> = { action(previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> }['action'];
export const idleState = { status: 'idle' } as ActionState<never>;
export const unavailableState = { status: 'error', error: 'unavailable' } as ActionState<never>;

/**
 * A form rendered while the database is down (its page could not read what it shows) is shown
 * only to give back what a post without JavaScript carried; otherwise just the "try again" notice,
 * since an empty form sent later could overwrite saved answers.
 */
export const onlyUnavailableNotice = (unavailable: boolean | undefined, state: ActionState<unknown>) => !!unavailable && !(state.status === 'error' && state.values);
