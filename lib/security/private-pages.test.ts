import { describe, expect, it } from 'vitest';
import { isPrivatePage } from './private-pages';

describe('isPrivatePage', () => {
  it('account, submission, my testimonies, notifications and staff pages are personal', () => {
    for (const path of ['/fa/account', '/en/submit/abc', '/fa/my-testimonies', '/en/my-testimonies/1', '/fa/notifications', '/en/staff/testimonies/x', '/fa/sign-in']) {
      expect(isPrivatePage(path), path).toBe(true);
    }
  });

  it('the memorial, person pages, search, statistics, data, unknown paths and a missing path are public', () => {
    for (const path of ['/fa', '/en/', '/fa/persons/a-1', '/en/search', '/fa/statistics', '/en/data', '/fa/feed.xml', '/de/account', '/account', 'fa/account', '', null]) {
      expect(isPrivatePage(path), String(path)).toBe(false);
    }
  });
});
