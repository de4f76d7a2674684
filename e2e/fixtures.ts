import { test as base, expect } from '@playwright/test';
import { recordFigure } from '../lib/testing/security-figures';

export { expect };

type Fixtures = {
  /**
   * URLs of requests to any origin other than the app's, collected (and blocked) during the test.
   * An automatic fixture: every test that imports `test` from here fails if the list is not empty
   * at its end, because a page that loads anything from a third party exposes its readers to it.
   */
  foreignRequests: string[];
  /**
   * Content-Security-Policy violations seen by any page of the test (the `securitypolicyviolation`
   * event, and Chromium's console report of a refused resource, which also covers pages without
   * JavaScript). Automatic too: a violation means either an injected script or a page the policy
   * breaks, and both must fail the suite (issue 7: zero violations during the whole e2e suite).
   */
  cspViolations: string[];
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
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      const record = (text: string) => {
        if (!violations.includes(text)) violations.push(text);
      };
      await context.exposeBinding('__yadmanCspViolation', (_source, text: string) => record(text));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __yadmanCspViolation: (text: string) => void }).__yadmanCspViolation;
          report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${event.documentURI}`);
        });
      });
      const watch = (page: import('@playwright/test').Page) =>
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) record(`${message.text()} on ${page.url()}`);
        });
      context.pages().forEach(watch);
      context.on('page', watch);

      await use(violations);
      // One row in the test:security table: the runner sums figures of the same name over all tests.
      recordFigure({ figure: 'CSP violations during the e2e suite', measured: violations.length, target: '0', ok: violations.length === 0 });
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
