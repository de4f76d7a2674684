// Form posts to pages are bounded per address before Next decodes them (lib/abuse/action-posts.ts).
import { beforeAll, describe, expect, it, vi } from 'vitest';

let actionPosts: typeof import('./action-posts');
beforeAll(async () => {
  vi.stubEnv('LIMIT_ACTION_ADDRESS', '3');
  actionPosts = await import('./action-posts');
});

describe('action posts', () => {
  it('counts posts to pages only', () => {
    expect(actionPosts.isActionPost('POST', '/fa/submit/1/account')).toBe(true);
    expect(actionPosts.isActionPost('POST', '/en')).toBe(true);
    expect(actionPosts.isActionPost('GET', '/en/submit')).toBe(false);
    expect(actionPosts.isActionPost('POST', '/api/uploads/tus')).toBe(false);
    expect(actionPosts.isActionPost('POST', '/english')).toBe(false);
  });

  it('refuses an address past its allowance with the wait, and only that address', async () => {
    for (let i = 0; i < 3; i++) expect(await actionPosts.actionPostWait('address-a')).toBe(0);
    const wait = await actionPosts.actionPostWait('address-a');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await actionPosts.actionPostWait('address-b')).toBe(0);
  });

  it('counts requests without a usable address together, never not at all', async () => {
    for (let i = 0; i < 3; i++) expect(await actionPosts.actionPostWait(null)).toBe(0);
    expect(await actionPosts.actionPostWait(null)).toBeGreaterThan(0);
  });
});
