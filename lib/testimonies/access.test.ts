import { describe, expect, it } from 'vitest';
import { editableSteps, nextEditableStep } from './access';

describe('where "Save and continue" leads', () => {
  it('through every step of a draft or a testimony returned for changes', () => {
    for (const status of ['draft', 'changes_requested'] as const) {
      const editable = editableSteps(status);
      expect(['about', 'account', 'files', 'consent'].map((s) => nextEditableStep(editable, s as 'about'))).toEqual(['account', 'files', 'consent', 'review']);
    }
  });

  it('from the account of a published testimony to the review, not to a step it may not change (which sent it back to the account)', () => {
    expect(nextEditableStep(editableSteps('published'), 'account')).toBe('review');
  });
});
