// The app facing clients directly (issue 17): a second server of the e2e build with
// TRUSTED_PROXY_HOPS=0, reached as 127.0.0.1 (not localhost). AUTH_URL is required in production
// (the public cache builds every absolute URL from it), so it names that host here.
// - The no-JavaScript upload lands on the files step of the host the browser used, the file listed.
// - Forged, rotating and garbage X-Forwarded-For values all count against the connection's one
//   address bucket (the proof-of-work issuance allowance, 120 per address in 10 minutes).
// - A server action posted with a foreign, `null` or malformed Origin gets the translated 403 and
//   one log line, never Next's 500 and stack trace.
// - An action post of another shape than its form (bound arguments that are not a reference, the
//   action named directly, a call with no arguments) gets the page back in its language, or the
//   translated refusal, and one log line; never a TypeError, a 500 and a stack trace.
import sharp from 'sharp';
import { expect, test } from '../fixtures';
import { demoPassphrase, unique } from '../support/accounts';
import { appServer } from '../support/app-server';
import { extraServerPort } from '../support/ports.mjs';
import { serveDuringFile } from '../support/second-server';
import { signUp, startDraft } from '../support/submission';

const port = extraServerPort('directFacing');
const dataDir = `.data-e2e-direct-${port}`;
const server = appServer(port, { YADMAN_DATA_DIR: dataDir, AUTH_URL: `http://127.0.0.1:${port}`, TRUSTED_PROXY_HOPS: '0' });

serveDuringFile(server, dataDir);

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an upload through 127.0.0.1 lands on the files step of 127.0.0.1, the file listed', async ({ page }) => {
    test.setTimeout(90_000);
    expect(new URL(server.baseURL).hostname).toBe('127.0.0.1');
    await signUp(page, unique('host'));
    const draftId = await startDraft(page);
    await page.goto(`/en/submit/${draftId}/files`);

    const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const upload = page.getByRole('form', { name: 'Files' });
    await upload.getByLabel('Photo, video, audio recording or document').setInputFiles({ name: 'square.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await upload.getByLabel('Caption (optional)').fill('The blue square');
    const [redirect] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/uploads/form')),
      upload.getByRole('button', { name: 'Upload file' }).click(),
    ]);
    expect(redirect.status()).toBe(303);
    // To AUTH_URL, which names the host the browser used (relative when AUTH_URL is unset).
    expect(redirect.headers()['location']).toMatch(new RegExp(`^(http://127\\.0\\.0\\.1:${port})?/en/submit/${draftId}/files\\?upload=received`));
    await expect(page.getByText('The file was received.')).toBeVisible();
    expect(new URL(page.url()).origin).toBe(server.baseURL);
    expect(new URL(page.url()).pathname).toBe(`/en/submit/${draftId}/files`);
    const listed = page.getByRole('region', { name: 'Files' });
    await expect(listed.getByText('The blue square')).toBeVisible();
    await expect(listed.getByRole('button', { name: 'Remove file 1' })).toBeVisible();
  });
});

test('a server action posted with a foreign, null or malformed Origin: translated 403, one log line, no stack trace', async ({ request }) => {
  const before = server.output().length;
  const origins = ['https://evil.example', 'null', 'http://[not-a-host', `${server.baseURL}.evil.example`];
  for (const origin of origins) {
    for (const [locale, text] of [['en', 'This form was sent from another site'], ['fa', 'این فرم از سایت دیگری فرستاده شده است']] as const) {
      // With JavaScript (an action call) and without (a form post): both reach the page's path.
      const withJs = await request.post(`/${locale}/sign-in`, { headers: { Origin: origin, 'Next-Action': '7f'.padEnd(42, '0'), 'Content-Type': 'text/plain;charset=UTF-8' }, data: '[]' });
      const withoutJs = await request.post(`/${locale}/sign-in`, { headers: { Origin: origin }, multipart: { username: 'demo-submitter', passphrase: 'guess' } });
      for (const response of [withJs, withoutJs]) {
        expect(response.status(), origin).toBe(403);
        expect(response.headers()['content-type']).toContain('text/html');
        expect(await response.text()).toContain(text);
      }
    }
  }
  await expect.poll(() => server.output().slice(before).match(/refused a cross-site post/g)?.length ?? 0).toBe(origins.length * 4);
  const logged = server.output().slice(before);
  expect(logged.trim().split('\n').length).toBe(origins.length * 4);
  expect(logged).not.toMatch(/\bat \S+ \(|Error:|Invalid Server Actions|Invalid URL/);
});

test('an action post of another shape than its form: the page in its language, or the translated refusal, one log line, no crash', async ({ request }) => {
  const before = server.output().length;
  let sent = 0;
  for (const locale of ['en', 'fa'] as const) {
    const html = await (await request.get(`/${locale}/sign-in`)).text();
    const field = (pattern: RegExp) => pattern.exec(html)?.[1]?.replaceAll('&quot;', '"') ?? '';
    const ref = field(/name="\$ACTION_REF_([^"]+)"/);
    const id = (JSON.parse(field(/name="\$ACTION_[^"]+:0" value="([^"]+)"/)) as { id: string }).id;
    const key = field(/name="\$ACTION_KEY" value="([^"]+)"/);
    // Without JavaScript, the sign-in page again in its language: React cannot match a refusal to
    // a form these posts do not describe (so the form shows none), and nothing was done.
    const shapes = {
      'bound arguments that are not a reference': { [`$ACTION_REF_${ref}`]: '', [`$ACTION_${ref}:0`]: JSON.stringify({ id, bound: 5 }), [`$ACTION_${ref}:1`]: '[]', $ACTION_KEY: key },
      'the action named directly (the form as its first argument)': { [`$ACTION_ID_${id}`]: '', username: 'demo-submitter', passphrase: demoPassphrase },
    };
    for (const [shape, multipart] of Object.entries(shapes)) {
      const response = await request.post(`/${locale}/sign-in`, { headers: { Origin: server.baseURL, Accept: 'text/html' }, multipart, maxRedirects: 0 });
      sent++;
      expect(response.status(), shape).toBe(200);
      const page = await response.text();
      expect(page, shape).toMatch(new RegExp(`<html[^>]* lang="${locale}"`));
      expect(page, shape).toContain('name="passphrase"');
      expect(response.headers()['set-cookie'] ?? '', shape).not.toContain('session-token');
    }
    // With JavaScript (an action call with no arguments): the refusal, which the form translates.
    const call = await request.post(`/${locale}/sign-in`, { headers: { Origin: server.baseURL, 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8' }, data: '[]' });
    sent++;
    expect(call.status()).toBe(200);
    expect(await call.text()).toContain('"error":"malformed_form"');
  }
  await expect.poll(() => server.output().slice(before).match(/action account\.signIn refused a post that carried no form/g)?.length ?? 0).toBe(sent);
  expect(server.output().slice(before)).not.toMatch(/TypeError|⨯|\bat \S+ \(|Error:/);
});

test('forged, rotating and garbage X-Forwarded-For values all count against the connection’s one bucket', async ({ request }) => {
  const allowance = 120; // proof-of-work challenges per address in 10 minutes (lib/abuse/proof-of-work.ts)
  const forged = (i: number) => [`203.0.113.${i % 250}`, `198.51.100.${i % 250}, 192.0.2.${i % 250}`, 'not-an-ip', '', `2001:db8::${i.toString(16)}`][i % 5]!;
  const statuses: number[] = [];
  for (let i = 0; i < allowance; i++) {
    const value = forged(i);
    statuses.push((await request.get('/api/altcha/challenge', { headers: value ? { 'X-Forwarded-For': value } : {} })).status());
  }
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  const next = await request.get('/api/altcha/challenge', { headers: { 'X-Forwarded-For': '192.0.2.250' } });
  expect(next.status()).toBe(429);
});
