// Client-safe pieces of lib/actions/define-action.ts (which imports server code): its state type
// only as a type, and the initial state as a local value.
import type { ActionState } from '@/lib/actions/define-action';

export type { ActionState };
export const idleState = { status: 'idle' } as ActionState<never>;
