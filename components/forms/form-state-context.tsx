'use client';
// The state of the form a field belongs to, for fields rendered apart from the component that owns
// the form's action (a server component's children, a control tied to the form by its `form`
// attribute): they show the server's error next to themselves (ActionForm, the redaction form).
import { createContext, useContext } from 'react';
import { idleState, type ActionState } from './action-state';

export const FormStateContext = createContext<ActionState<unknown>>(idleState);

/** The `Validation` key the server gave for `name` in the last answer, if it refused it. */
export function useFieldError(name: string): string | undefined {
  const state = useContext(FormStateContext);
  return state.status === 'error' ? state.fieldErrors?.[name] : undefined;
}
