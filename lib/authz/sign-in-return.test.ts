import { describe, expect, it } from 'vitest';
import { signInReturnPath } from './sign-in-return';

describe('signInReturnPath', () => {
  it('never writes a submitter\'s own work into the sign-in address', () => {
    for (const path of ['/fa/submit', '/fa/submit/2c0cbabc-0000-4000-8000-000000000000/files', '/en/my-testimonies', '/en/my-testimonies/abc', '/fa/notifications']) {
      expect(signInReturnPath(path)).toBeUndefined();
    }
  });

  it('keeps the way back to staff pages and the account settings', () => {
    expect(signInReturnPath('/en/staff/testimonies/abc')).toBe('/en/staff/testimonies/abc');
    expect(signInReturnPath('/en/staff')).toBe('/en/staff');
    expect(signInReturnPath('/fa/account')).toBe('/fa/account');
    expect(signInReturnPath('/fa/account/two-factor')).toBe('/fa/account/two-factor');
    expect(signInReturnPath('/fa/accounts-and-submit')).toBeUndefined();
  });
});
