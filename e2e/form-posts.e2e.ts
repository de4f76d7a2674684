// The submission journey's form posts sent without JavaScript (start, each step, submit), which the
// server in front of Next answers itself (lib/submission/fast-posts.mjs, issue 21): each gives the
// same outcome as Next's own answer to the same post — asked for with `x-yadman-form-post: next` —
// in Persian and in English: success (the same 303 and headers), a validation error (the page again
// with the text kept and the message), another site's post, a form without its token, someone
// else's draft (refused, nothing of it shown) and a double submit (one testimony). The posts are
// made as a browser without JavaScript makes them (scripts/bench/forms.ts reads the hidden fields).
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { formBody } from '../scripts/bench/forms';
import { expect, test } from './fixtures';
import { unique } from './support/accounts';
import { signUp } from './support/submission';

test.use({ javaScriptEnabled: false });

type Mode = 'fast' | 'next';
const header = 'x-yadman-form-post';
const navigation = { accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'same-origin' };
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
// Headers that differ between any two responses, or with how the body was sent; `Location`, which
// names each draft (compared with the id written as ID); and next-intl's `Link` to the page in the
// other languages, which the fast path leaves out of a redirect.
const varying = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', header, 'location', 'link']);

const about = { newNameFa: 'نوید بهبودی', newNameLatin: 'Navid Behboudi', newOutcome: 'killed', newIncidentCalendar: 'persian', newIncidentPrecision: 'exact', newIncidentYear: '۱۳۹۸', newIncidentMonth: '8', newIncidentDay: '25', newProvince: 'IR-23', newAftermath: ['body_withheld'] };
const account = { relationship: 'mother', hand: 'first', eventCalendar: 'persian', eventPrecision: 'month', eventYear: '1398', eventMonth: '8' };
const consent = { publish: 'public', credit: 'relationship' };
const messages = {
  en: { required: 'This field is required.', crossSite: 'This form was sent from another site' },
  fa: { required: 'این بخش را باید پر کنید.', crossSite: 'این فرم از سایت دیگری فرستاده شده است' },
};

type Outcome = { status: number; location: string | null; answered: boolean; headers: Record<string, string>; body: string };

/** A no-JavaScript browser's requests, its posts answered by the fast path or (mode `next`) by Next. */
function browserOf(request: APIRequestContext, baseURL: string, mode: Mode) {
  const asked: Record<string, string> = mode === 'next' ? { [header]: 'next' } : {};
  const outcome = async (r: APIResponse): Promise<Outcome> => {
    const headers = Object.fromEntries(
      Object.entries(r.headers())
        .filter(([name]) => !varying.has(name))
        .map(([name, value]) => [name, name === 'content-security-policy' ? value.replace(/'nonce-[^']+'/g, "'nonce'") : value]),
    );
    return { status: r.status(), location: r.headers().location ?? null, answered: r.headers()[header] === 'answered', headers, body: r.status() === 303 ? '' : await r.text() };
  };
  return {
    async get(path: string) {
      const r = await request.get(path, { headers: navigation });
      expect(r.status(), path).toBe(200);
      return r.text();
    },
    async post(path: string, html: string, match: { name: string; value?: string }, typed: Record<string, string | string[]> = {}, options: { button?: boolean; drop?: string; headers?: Record<string, string> } = {}) {
      const { body } = formBody(html, match, typed, options.button ? { name: 'intent', value: 'next' } : undefined);
      if (options.drop) body.delete(options.drop);
      const r = await request.post(path, { multipart: body, headers: { ...navigation, origin: baseURL, ...asked, ...options.headers }, maxRedirects: 0 });
      return outcome(r);
    },
  };
}

/** Where a 303 leads, with the draft's id written as ID. */
const target = (o: Outcome) => o.location?.replace(uuid, 'ID') ?? null;

for (const locale of ['fa', 'en'] as const) {
  test(`${locale}: each form post of a submission has the same outcome from the fast path as from Next`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const said = messages[locale];
    const journeys = {} as Record<Mode, { draft: string; outcomes: Record<string, Outcome>; listed: number }>;
    const people = {} as Record<Mode, { b: ReturnType<typeof browserOf>; close: () => Promise<void>; own: { path: string; html: string } }>;
    for (const mode of ['fast', 'next'] as const) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await signUp(page, unique(`posts-${mode}`));
      const b = browserOf(context.request, baseURL!, mode);
      // A draft of hers that the other person will try to write to.
      const started = await b.post(`/${locale}/submit`, await b.get(`/${locale}/submit`), { name: 'token' });
      const path = started.location!.replace(/^https?:\/\/[^/]+/, '');
      const html = await b.get(path);
      expect((await b.post(path, html, { name: 'step', value: 'about' }, { ...about, newNameLatin: 'Secret Owner' }, { button: true })).status).toBe(303);
      people[mode] = { b, close: () => context.close(), own: { path, html } };
    }
    for (const mode of ['fast', 'next'] as const) {
      const { b } = people[mode];
      const outcomes: Record<string, Outcome> = {};
      const start = await b.get(`/${locale}/submit`);
      // A form without its token (the idempotency key): refused, no draft.
      outcomes.startWithoutToken = await b.post(`/${locale}/submit`, start, { name: 'token' }, {}, { drop: 'token' });
      outcomes.start = await b.post(`/${locale}/submit`, start, { name: 'token' });
      const draft = (outcomes.start.location ?? '').match(uuid)?.[0] ?? '';
      const step = (name: string) => `/${locale}/submit/${draft}/${name}`;
      const aboutPage = await b.get(step('about'));
      // Another site's post: refused before anything is read.
      outcomes.crossSite = await b.post(step('about'), aboutPage, { name: 'step', value: 'about' }, about, { button: true, headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' } });
      // Someone else's draft: the other person's about form (its draft id), posted with this session.
      const other = people[mode === 'fast' ? 'next' : 'fast'].own;
      outcomes.othersDraft = await b.post(other.path, other.html, { name: 'step', value: 'about' }, { ...about, newNameLatin: 'Stolen Name' }, { button: true });
      outcomes.about = await b.post(step('about'), aboutPage, { name: 'step', value: 'about' }, about, { button: true });
      const accountPage = await b.get(step('account'));
      // A validation error: the page again, with the message and what was typed.
      outcomes.invalid = await b.post(step('account'), accountPage, { name: 'step', value: 'account' }, { ...account, eventPlace: 'Sattarkhan Street, Tehran' }, { button: true });
      outcomes.account = await b.post(step('account'), accountPage, { name: 'step', value: 'account' }, { ...account, narrative: `He left home that afternoon (${mode}).` }, { button: true });
      outcomes.files = await b.post(step('files'), await b.get(step('files')), { name: 'step', value: 'files' }, {}, { button: true });
      outcomes.consent = await b.post(step('consent'), await b.get(step('consent')), { name: 'step', value: 'consent' }, consent, { button: true });
      const review = await b.get(step('review'));
      outcomes.submit = await b.post(step('review'), review, { name: 'challenge' });
      // The same form again (a double click, Back and submit): one testimony.
      outcomes.submitAgain = await b.post(step('review'), review, { name: 'challenge' });
      // Listed once in My testimonies, as through Next.
      const mine = await b.get(`/${locale}/my-testimonies`);
      journeys[mode] = { draft, outcomes, listed: mine.split(`/${locale}/my-testimonies/${draft}"`).length - 1 };
    }
    // Neither stranger's post changed the owner's draft.
    for (const mode of ['fast', 'next'] as const) {
      const own = await people[mode].b.get(people[mode].own.path);
      expect(own).toContain('Secret Owner');
      expect(own).not.toContain('Stolen Name');
    }
    const [fast, next] = [journeys.fast, journeys.next];

    for (const name of Object.keys(fast.outcomes)) {
      const [a, b] = [fast.outcomes[name]!, next.outcomes[name]!];
      expect(a.status, `${name}: status`).toBe(b.status);
      expect(target(a), `${name}: where it leads`).toBe(target(b));
      expect(b.answered, `${name}: Next's answer`).toBe(false);
      if (a.status === 303) {
        expect(a.answered, `${name}: answered by the fast path`).toBe(true);
        expect(a.headers, `${name}: headers`).toEqual(b.headers);
      } else {
        expect(a.answered, `${name}: handed to Next`).toBe(false);
      }
    }
    expect(fast.listed).toBeGreaterThan(0);
    expect(fast.listed).toBe(next.listed);
    const o = fast.outcomes;
    expect(target(o.start!)).toBe(`/${locale}/submit/ID/about`);
    expect(o.startWithoutToken!.status).toBe(200);
    expect(o.crossSite!.status).toBe(403);
    for (const journey of [fast, next]) expect(journey.outcomes.crossSite!.body).toContain(said.crossSite);
    for (const journey of [fast, next]) {
      // Not found, as when she opens it (the page's own notFound(): e2e/submit.e2e.ts).
      expect(journey.outcomes.othersDraft!.status).toBe(404);
      expect(journey.outcomes.othersDraft!.body).not.toContain('Secret Owner');
    }
    expect(target(o.about!)).toBe(`/${locale}/submit/ID/account`);
    for (const journey of [fast, next]) {
      expect(journey.outcomes.invalid!.status).toBe(200);
      expect(journey.outcomes.invalid!.body).toContain(said.required);
      expect(journey.outcomes.invalid!.body).toContain('Sattarkhan Street, Tehran');
    }
    expect(target(o.account!)).toBe(`/${locale}/submit/ID/files`);
    expect(target(o.files!)).toBe(`/${locale}/submit/ID/consent`);
    expect(target(o.consent!)).toBe(`/${locale}/submit/ID/review`);
    expect(target(o.submit!)).toBe(`/${locale}/my-testimonies/ID?done=submitted`);
    expect(target(o.submitAgain!)).toBe(`/${locale}/my-testimonies/ID?done=unchanged`);
    for (const mode of ['fast', 'next'] as const) await people[mode].close();
  });
}
