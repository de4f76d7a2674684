import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from './client';

describe('getDb', () => {
  const phase = process.env.NEXT_PHASE;
  afterEach(() => {
    process.env.NEXT_PHASE = phase;
    if (phase === undefined) delete process.env.NEXT_PHASE;
  });

  it('refuses to open the database during `next build`', () => {
    process.env.NEXT_PHASE = 'phase-production-build';
    expect(() => getDb()).toThrow('not available during `next build`');
  });
});
