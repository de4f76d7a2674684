// No one can lock an account out (issue 17): a second server of the e2e build behind one trusted
// proxy (TRUSTED_PROXY_HOPS=1; the proxy's entry in X-Forwarded-For stands for each client).
// An attacker's 20 wrong passphrases from one address do not stop the owner signing in from
// another, with and without JavaScript; past the free guesses the attacker's unpaid posts are
// not even checked. And the address limits count the entry the proxy appended.
import { recordFigure } from '../../lib/testing/security-figures';
import { expect, test } from '../fixtures';
import { demoPassphrase, signIn } from '../support/accounts';
import { appServer } from '../support/app-server';
import { serveDuringFile } from '../support/second-server';
import { formBody, hiddenFields, NoJsClient } from '../support/no-js-forms';
import { extraServerPort } from '../support/ports.mjs';

const port = extraServerPort('noLockout');
const dataDir = `.data-e2e-lockout-${port}`;
const server = appServer(port, { YADMAN_DATA_DIR: dataDir, TRUSTED_PROXY_HOPS: '1' });
const attacker = '10.0.0.66, 203.0.113.5'; // what the client wrote, then what the proxy saw
const owner = '198.51.100.9';

serveDuringFile(server, dataDir);

/** One scripted sign-in post, as a guessing script sends it: the form's fields, its challenge left out. */
async function guess(client: NoJsClient, passphrase: string): Promise<string> {
  const headers = { 'X-Forwarded-For': attacker };
  const html = await (await client.fetch('/en/sign-in', { headers })).text();
  const hidden = hiddenFields(html, 'name="challenge"').map(([name, value]): [string, string] => [name, name === 'challenge' ? '' : value]);
  const body = formBody(hidden, { username: 'demo-submitter', passphrase });
  const answer = await (await client.fetch('/en/sign-in', { method: 'POST', body, headers })).text();
  // The form's alert, not the page as a whole: the page's own messages for its client code name both texts.
  const alert = /role="alert"[^>]*>([^<]*)/.exec(answer)?.[1] ?? '';
  if (alert.includes('The username or passphrase is wrong.')) return 'wrong';
  if (alert.includes('This form has expired or was already sent')) return 'asked to pay';
  return 'other';
}

test('20 wrong passphrases from one address do not stop the owner signing in from another, with and without JavaScript', async ({ browser }) => {
  test.setTimeout(120_000);
  const client = new NoJsClient(server.baseURL);
  const answers: string[] = [];
  for (let i = 0; i < 20; i++) answers.push(await guess(client, `wrong passphrase ${i}`));
  // Five free guesses for this account and address; every further one must pay, and is not checked.
  expect(answers).toEqual([...Array<string>(5).fill('wrong'), ...Array<string>(15).fill('asked to pay')]);

  const outcomes: string[] = [];
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled, extraHTTPHeaders: { 'X-Forwarded-For': owner } });
    const page = await context.newPage();
    await signIn(page, 'demo-submitter', demoPassphrase);
    await expect(page).toHaveURL(/\/en\/account$/);
    outcomes.push(new URL(page.url()).pathname);
    await context.close();
  }
  recordFigure({ figure: 'the owner signs in from another address after 20 wrong passphrases (JavaScript on / off)', measured: outcomes.join(' / '), target: '/en/account / /en/account', ok: outcomes.every((p) => p === '/en/account') });
  // Still guarded: the attacker's next unpaid guess, even with the right passphrase, is not checked.
  expect(await guess(client, demoPassphrase)).toBe('asked to pay');
});

test('behind one trusted proxy, the address limits count the entry the proxy appended', async ({ request }) => {
  const allowance = 120; // proof-of-work challenges per address in 10 minutes (lib/abuse/proof-of-work.ts)
  for (let i = 0; i < allowance; i++) {
    // What the client wrote before the proxy's entry changes every time; the proxy's entry does not.
    const status = (await request.get('/api/altcha/challenge', { headers: { 'X-Forwarded-For': `10.9.${i % 250}.1, 203.0.113.7` } })).status();
    expect(status).toBe(200);
  }
  expect((await request.get('/api/altcha/challenge', { headers: { 'X-Forwarded-For': '203.0.113.7' } })).status()).toBe(429);
  expect((await request.get('/api/altcha/challenge', { headers: { 'X-Forwarded-For': '203.0.113.7, 203.0.113.8' } })).status()).toBe(200);
});
