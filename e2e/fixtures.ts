import { test as base, expect } from '@playwright/test';

export { expect };

type Fixtures = {
  /**
   * URLs of requests to any origin other than the app's, collected (and blocked) during the test.
   * An automatic fixture: every test that imports `test` from here fails if the list is not empty
   * at its end, because a page that loads anything from a third party exposes its readers to it.
   */
  foreignRequests: string[];
};

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

export const test = base.extend<Fixtures>({
  foreignRequests: [
    async ({ context, baseURL }, use) => {
      if (!baseURL) throw new Error('baseURL must be set in playwright.config.ts');
      const app = new URL(baseURL);
      const foreign: string[] = [];
      const record = (url: string) => {
        if (!foreign.includes(url)) foreign.push(url);
      };
      // data:, blob: and about: URLs never leave the browser; ws(s) counts as the app's scheme.
      const isForeign = (url: string) => {
        const u = new URL(url);
        if (!NETWORK_PROTOCOLS.has(u.protocol)) return false;
        return u.host !== app.host || u.protocol.replace(/^ws/, 'http') !== app.protocol;
      };

      // Seen by the listener even if something bypasses routing (e.g. a service worker).
      context.on('request', (request) => {
        if (isForeign(request.url())) record(request.url());
      });
      // Blocked, so a failing test does not actually contact the third party.
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isForeign(url)) {
          record(url);
          await route.abort('blockedbyclient');
        } else {
          await route.fallback();
        }
      });

      await use(foreign);
      expect(foreign, 'requests to origins other than the app').toEqual([]);
    },
    { auto: true },
  ],
});
