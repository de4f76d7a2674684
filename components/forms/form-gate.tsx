'use client';
import { useTranslations } from 'next-intl';
import { challengeField, honeypotField } from '@/lib/abuse/challenge-fields';
import type { ActionState } from './action-state';

/**
 * The challenge a form posts next: the fresh one a refused post brought back (its own may have
 * been spent: `gate` in lib/actions/define-action.ts), else the one the page issued.
 */
export function currentChallenge(state: ActionState<unknown>, issued: string): string {
  return (state.status === 'error' && state.challenge) || issued;
}

/**
 * The signed challenge the page issued (lib/abuse/challenge.ts) and a trap field that people never
 * see or reach: hidden from sight and from screen readers, out of the tab order, never autofilled.
 * A post with the trap filled is refused.
 */
export function FormGate({ challenge }: { challenge: string }) {
  const t = useTranslations('FormGate');
  return (
    <>
      <input type="hidden" name={challengeField} value={challenge} />
      <div aria-hidden="true" className="sr-only">
        <label>
          {t('trapLabel')}
          <input type="text" name={honeypotField} tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
    </>
  );
}
