import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.mjs';

describe('session settings', () => {
  it('default to hours, not weeks: 3 hours idle for submitters, 2 for staff, 12 after sign-in for anyone', () => {
    const env = parseEnv({});
    expect([env.SESSION_IDLE_SUBMITTER_MINUTES, env.SESSION_IDLE_STAFF_MINUTES, env.SESSION_MAX_HOURS]).toEqual([180, 120, 12]);
  });

  it('refuse the old submitter setting in days by name, rather than ignoring it', () => {
    expect(() => parseEnv({ SESSION_IDLE_SUBMITTER_DAYS: '14' })).toThrow(/SESSION_IDLE_SUBMITTER_DAYS: replaced by SESSION_IDLE_SUBMITTER_MINUTES/);
  });

  it('take a lifetime of at most a week', () => {
    expect(() => parseEnv({ SESSION_MAX_HOURS: '720' })).toThrow(/SESSION_MAX_HOURS/);
  });
});
