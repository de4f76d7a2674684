// The open-data surfaces end to end through their route handlers, on both databases: pagination,
// filters, the identical 404, the exact set of public fields, and that nothing unpublished,
// withdrawn, unconsented or unredacted reaches the API, the downloads or the feed.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { attachments, collections, personAliases, persons, personSources, testimonies } from '@/db/schema';
import { publicPersonKeys, publicPersonSummaryKeys, publicTestimonyKeys } from '@/lib/memorial/dto';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony, insertUser } from '@/lib/testing/public-fixtures';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('@/db/client', async (original) => ({
  ...(await original<typeof import('@/db/client')>()),
  getDb: async () => state.db,
}));

const origin = 'http://localhost:3000';
const get = async (path: string, params: Record<string, string> = {}) => {
  const file = routes[path.split('?')[0]!.replace(/\/[0-9a-f-]{36}$|\/not-a-uuid$/, '/[id]')];
  if (!file) throw new Error(`no route for ${path}`);
  const mod = (await file()) as { GET: (r: Request, c: unknown) => Promise<Response> | Response };
  return mod.GET(new Request(origin + path), { params: Promise.resolve(params) });
};
const routes: Record<string, () => Promise<unknown>> = {
  '/api/v1/persons': () => import('@/app/api/v1/persons/route'),
  '/api/v1/persons/[id]': () => import('@/app/api/v1/persons/[id]/route'),
  '/api/v1/testimonies': () => import('@/app/api/v1/testimonies/route'),
  '/api/v1/persons.csv': () => import('@/app/api/v1/persons.csv/route'),
  '/api/v1/persons.json': () => import('@/app/api/v1/persons.json/route'),
  '/api/v1/testimonies.csv': () => import('@/app/api/v1/testimonies.csv/route'),
  '/api/v1/testimonies.json': () => import('@/app/api/v1/testimonies.json/route'),
  '/api/v1/retracted': () => import('@/app/api/v1/retracted/route'),
  '/api/v1/retracted.csv': () => import('@/app/api/v1/retracted.csv/route'),
  '/en/feed.xml': () => import('@/app/[locale]/feed.xml/route'),
  '/en/testimonies/[id]': () => import('@/app/[locale]/testimonies/[id]/route'),
};

const sorted = (keys: readonly string[]) => [...keys].sort();

// The allowed keys of every public object, nested ones included; any other key fails the test.
const shapes: Record<string, readonly string[]> = {
  apiPersonSummary: [...publicPersonSummaryKeys, 'urls'],
  apiPerson: [...publicPersonKeys, 'urls'],
  testimony: publicTestimonyKeys,
  urls: ['fa', 'en'],
  collection: ['slug', 'nameFa', 'nameEn'],
  source: ['url', 'title'],
  image: ['id', 'src', 'caption'],
  attachment: ['id', 'src', 'caption', 'kind', 'mime'],
  anonymousCredit: ['kind'],
  relationshipCredit: ['kind', 'relationship', 'year', 'yearSolarHijri'],
  nameCredit: ['kind', 'name', 'year', 'yearSolarHijri'],
};
const nested: Record<string, string | ((v: { kind: string }) => string)> = {
  urls: 'urls',
  collection: 'collection',
  sources: 'source',
  portrait: 'image',
  attachments: 'attachment',
  credit: (c) => `${c.kind === 'relationship' ? 'relationship' : c.kind}Credit`,
};
function expectOnly(value: Record<string, unknown>, shape: string) {
  expect(sorted(Object.keys(value)), shape).toEqual(sorted(shapes[shape]!));
  for (const [key, child] of Object.entries(value)) {
    for (const item of Array.isArray(child) ? child : [child]) {
      if (typeof item !== 'object' || item === null) continue; // strings, numbers: otherNames, personIds…
      const rule = nested[key];
      expect(rule, `an object under "${key}" that no shape allows`).toBeDefined();
      expectOnly(item as Record<string, unknown>, typeof rule === 'string' ? rule : rule!(item as { kind: string }));
    }
  }
}

describe.each(testDatabases())('open data on $name', (target) => {
  const ctx = useTestDatabase(target);
  const ids = {} as Record<'a' | 'b' | 'c' | 'draft' | 'hidden' | 'merged', string>;
  let collectionIdOf = '';
  let submitterOf = '';
  const t = {} as Record<'public' | 'docOnly' | 'withdrawn' | 'unpublished' | 'inReview' | 'aboutHidden', string>;

  beforeAll(async () => {
    state.db = ctx.db;
    const collectionId = await insertCollection(ctx.db);
    const p = (values: Parameters<typeof insertPerson>[1]) => insertPerson(ctx.db, values).then((r) => r.id);
    ids.a = await p({ collectionId, province: 'IR-23', outcome: 'killed', gender: 'female', incidentDate: '2019-11-16', incidentDatePrecision: 'exact', fatherNameFa: 'پدر' });
    ids.b = await p({ collectionId, province: 'IR-06', outcome: 'injured', gender: 'male', incidentDate: '2019-11-17', incidentDatePrecision: 'exact' });
    ids.c = await p({ collectionId, province: 'IR-23', outcome: 'killed', gender: 'male', incidentDate: '2019-11-18', incidentDatePrecision: 'exact', nameFa: '=cmd|\' /C calc\'!A0' });
    ids.draft = await p({ collectionId, status: 'draft', province: 'IR-23', nameLatin: 'SECRET draft person' });
    ids.hidden = await p({ collectionId, status: 'hidden', province: 'IR-23', nameLatin: 'SECRET hidden person' });
    ids.merged = await p({ collectionId, province: 'IR-23', nameLatin: 'SECRET merged person', mergedIntoId: ids.a });

    const submitterId = await insertUser(ctx.db);
    collectionIdOf = collectionId;
    submitterOf = submitterId;
    const base = { collectionId, submitterId, personIds: [ids.a], narrative: 'SECRET unredacted narrative' };
    t.public = await insertTestimony(ctx.db, { ...base, status: 'published', redacted: 'Public redacted text', consentCredit: 'relationship' });
    t.docOnly = await insertTestimony(ctx.db, { ...base, status: 'published', consentPublish: 'documentation_only', redacted: 'SECRET documentation only' });
    t.withdrawn = await insertTestimony(ctx.db, { ...base, status: 'withdrawn', redacted: 'SECRET withdrawn text' });
    t.unpublished = await insertTestimony(ctx.db, { ...base, status: 'unpublished', redacted: 'SECRET unpublished text' });
    t.inReview = await insertTestimony(ctx.db, { ...base, status: 'in_review', withPublishedRevision: false, redacted: 'SECRET in review' });
    t.aboutHidden = await insertTestimony(ctx.db, { ...base, personIds: [ids.hidden], status: 'published', redacted: 'SECRET about a hidden person' });
  });

  it('lists published persons only, with pagination links', async () => {
    const res = await get('/api/v1/persons?limit=2');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.pagination).toMatchObject({ limit: 2, total: 3 });
    expect(body.pagination.next).toMatch(/^\/api\/v1\/persons\?limit=2&cursor=[\w-]+$/);
    const page2 = await (await get(body.pagination.next)).json();
    expect(page2.pagination).toEqual({ limit: 2, total: 3, more: false, next: null });
    const all = [...body.data, ...page2.data].map((p: { id: string }) => p.id);
    expect(sorted(all)).toEqual(sorted([ids.a, ids.b, ids.c]));
  });

  it('filters by province, outcome, gender and incident date range', async () => {
    const idsOf = async (q: string) => ((await (await get(`/api/v1/persons?${q}`)).json()).data as { id: string }[]).map((p) => p.id).sort();
    expect(await idsOf('province=IR-23')).toEqual(sorted([ids.a, ids.c]));
    expect(await idsOf('outcome=injured')).toEqual([ids.b]);
    expect(await idsOf('gender=male&province=IR-23')).toEqual([ids.c]);
    expect(await idsOf('from=2019-11-17&to=2019-11-17')).toEqual([ids.b]);
    const [own] = await ctx.db.select({ slug: collections.slug }).from(collections).where(eq(collections.id, collectionIdOf));
    expect(await idsOf(`collection=${own!.slug}`)).toEqual(sorted([ids.a, ids.b, ids.c]));
  });

  it('rejects unknown parameters and a limit over 100', async () => {
    // A collection that is not a public one is a bad filter too, not an empty answer.
    for (const q of ['provnce=IR-23', 'limit=101', 'province=IR-99', 'from=yesterday', 'collection=nope']) {
      const res = await get(`/api/v1/persons?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error).toBe('invalid_request');
    }
  });

  it('answers an unpublished person exactly like an unknown or malformed id', async () => {
    const bodies = [];
    for (const id of [ids.draft, ids.hidden, ids.merged, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await get(`/api/v1/persons/${id}`, { id });
      expect(res.status).toBe(404);
      bodies.push({ body: await res.text(), type: res.headers.get('content-type'), cache: res.headers.get('cache-control') });
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it('gives each public object exactly its allowed fields, nested objects included', async () => {
    // Every kind of nested object present: a source, an alias, a public file and a consented portrait.
    const [file] = await ctx.db
      .insert(attachments)
      .values({ testimonyId: t.public, kind: 'image', mime: 'image/jpeg', sizeBytes: 10, sha256: 'SECRET-sha', originalKey: 'SECRET-original', publicKey: 'public/x.jpg', status: 'ready', metadataRemoved: true, visibility: 'public', caption: 'SECRET submitter caption, 09123456789', publicCaption: 'A photo' })
      .returning({ id: attachments.id });
    await ctx.db.update(testimonies).set({ portraitPublic: true }).where(eq(testimonies.id, t.public));
    await ctx.db.update(persons).set({ portraitAttachmentId: file!.id }).where(eq(persons.id, ids.a));
    await ctx.db.insert(personSources).values({ personId: ids.a, url: 'https://news.example/a', title: 'A report' });
    await ctx.db.insert(personAliases).values({ personId: ids.a, name: 'Other spelling', script: 'latin', normalized: 'other spelling' });

    const list = await (await get('/api/v1/persons')).json();
    for (const p of list.data) expectOnly(p, 'apiPersonSummary');
    expect(sorted(Object.keys(list))).toEqual(['data', 'pagination']);
    const one = await (await get(`/api/v1/persons/${ids.a}`, { id: ids.a })).json();
    expect(sorted(Object.keys(one))).toEqual(['data']);
    expectOnly(one.data, 'apiPerson');
    expect([one.data.portrait, one.data.sources.length, one.data.otherNames]).toEqual([expect.objectContaining({ id: file!.id }), 1, ['Other spelling']]);
    const testimonies_ = await (await get('/api/v1/testimonies')).json();
    // Only the moderator's caption is public, never the submitter's (lib/media/captions.ts).
    expect(testimonies_.data[0].attachments.map((a: { caption: string }) => a.caption)).toEqual(['A photo']);
    for (const item of testimonies_.data) expectOnly(item, 'testimony');
    const json = await (await get('/api/v1/persons.json')).json();
    // The bulk file carries each person's full public record: what /api/v1/persons/{id} answers.
    for (const p of json.persons) expectOnly(p, 'apiPerson');
    expect(json.persons.find((p: { id: string }) => p.id === ids.a)).toEqual(one.data);
    const tj = await (await get('/api/v1/testimonies.json')).json();
    for (const item of tj.testimonies) expectOnly(item, 'testimony');
    for (const path of ['/api/v1/persons', `/api/v1/persons/${ids.a}`, '/api/v1/testimonies', '/api/v1/testimonies.csv', '/api/v1/persons.csv', '/api/v1/testimonies.json', '/api/v1/persons.json']) {
      expect(await (await get(path, { id: ids.a })).text(), path).not.toContain('SECRET');
    }
  });

  it('publishes only the consented, published, redacted testimony — in the API, downloads and feed', async () => {
    const api = await (await get('/api/v1/testimonies')).json();
    expect(api.data.map((x: { id: string }) => x.id)).toEqual([t.public]);
    expect(api.data[0].narrative).toBe('Public redacted text');
    expect((await (await get(`/api/v1/testimonies?person=${ids.a}`)).json()).data).toHaveLength(1);
    expect((await (await get(`/api/v1/testimonies?person=${ids.hidden}`)).json()).data).toHaveLength(0);

    const surfaces = ['/api/v1/testimonies', '/api/v1/testimonies.csv', '/api/v1/testimonies.json', '/api/v1/persons', '/api/v1/persons.csv', '/api/v1/persons.json'];
    for (const path of surfaces) {
      const text = await (await get(path)).text();
      expect(text, path).not.toContain('SECRET');
      for (const hidden of [t.docOnly, t.withdrawn, t.unpublished, t.inReview, t.aboutHidden, ids.draft, ids.hidden, ids.merged]) {
        expect(text, path).not.toContain(hidden);
      }
    }
    const feed = await (await get('/en/feed.xml', { locale: 'en' })).text();
    expect(feed).toContain(`urn:uuid:${t.public}`);
    expect(feed).not.toContain('SECRET');
    for (const hidden of [t.docOnly, t.withdrawn, t.unpublished, t.inReview, t.aboutHidden, ids.draft, ids.hidden, ids.merged]) {
      expect(feed).not.toContain(hidden);
    }
  });

  it('drops a testimony from the API, downloads and feed on the very next request once it is withdrawn', async () => {
    const id = await insertTestimony(ctx.db, { collectionId: collectionIdOf, submitterId: submitterOf, personIds: [ids.b], status: 'published', redacted: 'Soon withdrawn' });
    const surfaces = ['/api/v1/testimonies', '/api/v1/testimonies.csv', '/api/v1/testimonies.json'];
    for (const path of surfaces) expect(await (await get(path)).text(), path).toContain(id);
    expect(await (await get('/en/feed.xml', { locale: 'en' })).text()).toContain(id);
    await ctx.db.update(testimonies).set({ status: 'withdrawn' }).where(eq(testimonies.id, id));
    for (const path of surfaces) expect(await (await get(path)).text(), path).not.toContain(id);
    expect(await (await get('/en/feed.xml', { locale: 'en' })).text()).not.toContain(id);
  });

  it('serves CSV with BOM, header, neutralised formulas and public caching headers', async () => {
    const res = await get('/api/v1/persons.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (res.text() would strip it)
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('id,name_fa,name_latin,')).toBe(true);
    expect(text).toContain(`${ids.c},'=cmd|' /C calc'!A0,`);
    expect(text.trim().split('\r\n')).toHaveLength(4);
    const testimonies = await (await get('/api/v1/testimonies.csv')).text();
    expect(testimonies).toContain('Public redacted text');
  });

  it('serves an Atom feed with the right content type', async () => {
    const res = await get('/en/feed.xml', { locale: 'en' });
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml.match(/<entry>/g)).toHaveLength(4); // three persons + one testimony
  });

  it('pages testimonies by keyset cursor: each exactly once, ties included, while new ones are published', async () => {
    const same = new Date('2020-01-02T03:04:05.678Z');
    for (let i = 0; i < 5; i++) {
      const id = await insertTestimony(ctx.db, { collectionId: collectionIdOf, submitterId: submitterOf, personIds: [ids.c], status: 'published', redacted: `Paged ${i}` });
      // Equal publication instants: the id breaks the tie, so no item is lost or repeated.
      await ctx.db.update(testimonies).set({ publishedAt: same }).where(eq(testimonies.id, id));
    }
    const all = ((await (await get('/api/v1/testimonies?limit=100')).json()).data as { id: string }[]).map((x) => x.id);
    expect(all.length).toBe(6);
    const seen: string[] = [];
    let next: string | null = '/api/v1/testimonies?limit=2';
    while (next) {
      const body: { data: { id: string }[]; pagination: { limit: number; total: number; next: string | null } } = await (await get(next)).json();
      expect(Object.keys(body.pagination).sort()).toEqual(['limit', 'next', 'total']);
      expect(body.pagination.total).toBe(all.length + (seen.length >= 2 ? 1 : 0));
      seen.push(...body.data.map((x) => x.id));
      if (seen.length === 2) {
        // Published after the walk began: newer than the cursor, so it shifts nothing.
        await insertTestimony(ctx.db, { collectionId: collectionIdOf, submitterId: submitterOf, personIds: [ids.c], status: 'published', redacted: 'Newest' });
      }
      next = body.pagination.next;
      if (next) expect(next).toMatch(/^\/api\/v1\/testimonies\?limit=2&cursor=[\w-]+$/);
    }
    expect(seen).toEqual(all);
    const { iteratePublicTestimonies } = await import('./testimonies');
    const batches: string[][] = [];
    for await (const batch of iteratePublicTestimonies(ctx.db, 4)) batches.push(batch.map((x) => x.id));
    expect(batches.map((b) => b.length)).toEqual([4, 3]);
    expect(batches.flat().slice(1)).toEqual(all);
    const forPerson = await (await get(`/api/v1/testimonies?person=${ids.c}&limit=3`)).json();
    expect(forPerson.data).toHaveLength(3);
    expect((await (await get(forPerson.pagination.next)).json()).data).toHaveLength(3);
  });

  it('rejects a forged or malformed cursor, and page numbers, on testimonies and persons', async () => {
    const forged = Buffer.from(JSON.stringify(["2020-01-01'; drop table persons; --", ids.a])).toString('base64url');
    for (const q of [`cursor=${forged}`, 'cursor=not-a-cursor', 'page=2']) {
      const res = await get(`/api/v1/testimonies?${q}`);
      expect(res.status, q).toBe(400);
    }
    // A search page's cursor of another order does not continue the API's newest-first list.
    const otherOrder = Buffer.from(JSON.stringify(['date', '2019-11-16', ids.a])).toString('base64url');
    const forgedPerson = Buffer.from(JSON.stringify(['recent', "2020-01-01'; drop table persons; --", ids.a])).toString('base64url');
    for (const q of [`cursor=${forgedPerson}`, `cursor=${otherOrder}`, 'cursor=not-a-cursor', 'page=2']) {
      const res = await get(`/api/v1/persons?${q}`);
      expect(res.status, q).toBe(400);
    }
  });
  it('counts testimonies on every page: all of them, or one person\'s', async () => {
    const all = await (await get('/api/v1/testimonies?limit=1')).json();
    const listed = (await (await get('/api/v1/testimonies?limit=100')).json()).data.length;
    expect(all.pagination.total).toBe(listed);
    const mine = await (await get(`/api/v1/testimonies?person=${ids.a}&limit=1`)).json();
    expect(mine.pagination.total).toBe((await (await get(`/api/v1/testimonies?person=${ids.a}&limit=100`)).json()).data.length);
    expect((await (await get(`/api/v1/testimonies?person=${ids.hidden}`)).json()).pagination.total).toBe(0);
  });

  it('lists what was public and no longer is — and nothing that never was', async () => {
    const body = await (await get('/api/v1/retracted')).json();
    expect(sorted(Object.keys(body))).toEqual(['data', 'generatedAt', 'licence', 'source']);
    const byId = new Map<string, { kind: string; reason: string; mergedInto: string | null }>(body.data.map((r: { id: string }) => [r.id, r]));
    for (const r of body.data) expect(sorted(Object.keys(r))).toEqual(['id', 'kind', 'mergedInto', 'reason']);
    // Merged into a public person: where it lives on.
    expect(byId.get(ids.merged)).toEqual({ id: ids.merged, kind: 'person', reason: 'merged', mergedInto: ids.a });
    // Published, then withdrawn or unpublished: gone.
    expect(byId.get(t.withdrawn)).toMatchObject({ kind: 'testimony', reason: 'removed', mergedInto: null });
    expect(byId.get(t.unpublished)).toMatchObject({ kind: 'testimony', reason: 'removed' });
    // Never public (a draft, a person hidden before publication, documentation only, in review,
    // about a never-published person) and still public: never listed.
    for (const id of [ids.draft, ids.hidden, t.docOnly, t.inReview, t.aboutHidden, ids.a, ids.b, ids.c, t.public]) expect(byId.has(id), id).toBe(false);

    // A published person taken down later is listed, with every testimony that left with them.
    const gone = await insertPerson(ctx.db, { collectionId: collectionIdOf, province: 'IR-06' });
    const onlyAboutGone = await insertTestimony(ctx.db, { collectionId: collectionIdOf, submitterId: submitterOf, personIds: [gone.id], status: 'published', redacted: 'About one taken down' });
    expect((await (await get('/api/v1/retracted')).json()).data.map((r: { id: string }) => r.id)).not.toContain(gone.id);
    await ctx.db.update(persons).set({ status: 'hidden' }).where(eq(persons.id, gone.id));
    const after = (await (await get('/api/v1/retracted')).json()).data as { id: string; reason: string }[];
    expect(after.find((r) => r.id === gone.id)).toMatchObject({ kind: 'person', reason: 'removed', mergedInto: null });
    expect(after.map((r) => r.id)).toContain(onlyAboutGone);

    const csv = await (await get('/api/v1/retracted.csv')).text();
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe('id,kind,reason,merged_into');
    expect(rows).toContain(`${ids.merged},person,merged,${ids.a}`);
    expect(rows).toHaveLength(after.length);
  });

  it("gives each testimony a permanent link that leads to its person's page, at the testimony", async () => {
    const res = await get(`/en/testimonies/${t.public}`, { locale: 'en', id: t.public });
    expect(res.status).toBe(307);
    const [person] = await ctx.db.select({ slug: persons.slug }).from(persons).where(eq(persons.id, ids.a));
    expect(res.headers.get('location')).toBe(`${origin}/en/persons/${person!.slug}-${ids.a}#testimony-${t.public}`);
    for (const id of [t.withdrawn, t.docOnly, t.aboutHidden, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const other = await get(`/en/testimonies/${id}`, { locale: 'en', id });
      expect(other.headers.get('location'), id).toBe(`${origin}/en/not-found`);
    }
  });

  it("leads a permanent link past the person's first page to the page that shows it first", async () => {
    const person = await insertPerson(ctx.db, { collectionId: collectionIdOf, province: 'IR-06' });
    const made: string[] = [];
    for (let i = 0; i < 22; i++) {
      const id = await insertTestimony(ctx.db, { collectionId: collectionIdOf, submitterId: submitterOf, personIds: [person.id], status: 'published', redacted: `Many ${i}` });
      await ctx.db.update(testimonies).set({ publishedAt: new Date(Date.UTC(2021, 0, 1, 0, 0, i)) }).where(eq(testimonies.id, id));
      made.push(id);
    }
    const location = (await get(`/en/testimonies/${made[21]}`, { locale: 'en', id: made[21]! })).headers.get('location')!;
    const target = new URL(location);
    expect(target.hash).toBe(`#testimony-${made[21]}`);
    const { decodeCursor, testimonyCursor } = await import('@/lib/pagination/cursor');
    expect(decodeCursor(testimonyCursor, target.searchParams.get('after')!)?.id).toBe(made[20]);
    const first = (await get(`/en/testimonies/${made[3]}`, { locale: 'en', id: made[3]! })).headers.get('location')!;
    expect(new URL(first).search).toBe('');
  });
});
