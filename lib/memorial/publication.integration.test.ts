// PRODUCT.md §2.10 and issue 6: a testimony published by moderation is on the person page, in the
// API, the feed and the CSV download on the very next request; withdrawn by its submitter, it is
// gone from all four at once. The person page is read through a cache warmed before each change (as
// a running server's would be), and the other surfaces through their route handlers.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { testimonies } from '@/db/schema';
import { claimTestimony } from '@/lib/moderation/claims';
import { approveText } from '@/lib/testing/approve';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony } from '@/lib/testing/public-fixtures';
import { withdrawTestimony } from '@/lib/testimonies';
import { createPublicReaders, type Memoize } from './readers';
import { readPublicDataVersion } from './version';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('@/db/client', async (original) => ({
  ...(await original<typeof import('@/db/client')>()),
  getDb: async () => state.db,
}));

const origin = 'http://localhost:3000';
type Route = { GET: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response> };
async function get(load: () => Promise<unknown>, path: string, params: Record<string, string> = {}) {
  const route = (await load()) as Route;
  return (await route.GET(new Request(origin + path), { params: Promise.resolve(params) })).text();
}

describe.each(testDatabases())('publication and withdrawal on every public surface, $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  let personId = '';
  let testimonyId = '';
  let revisionId = '';
  let page: ReturnType<typeof createPublicReaders>;

  beforeAll(async () => {
    state.db = ctx.db;
    actors = await createActors(ctx.db);
    const collectionId = await insertCollection(ctx.db);
    personId = (await insertPerson(ctx.db, { collectionId })).id;
    testimonyId = await insertTestimony(ctx.db, {
      collectionId,
      submitterId: actors.submitterA.userId!,
      personIds: [personId],
      status: 'submitted',
      narrative: 'Seen at the square, call 0912 345 6789.',
      redacted: null,
      withPublishedRevision: false,
    });
    await ctx.db.update(testimonies).set({ publishedAt: null }).where(eq(testimonies.id, testimonyId));
    revisionId = (await ctx.db.select({ r: testimonies.currentRevisionId }).from(testimonies).where(eq(testimonies.id, testimonyId)))[0]!.r!;
    const cache = new Map<string, Promise<unknown>>();
    const memoize: Memoize = (fn, key) => (...args) => {
      const k = JSON.stringify([key, args]);
      if (!cache.has(k)) cache.set(k, fn(...args));
      return cache.get(k) as ReturnType<typeof fn>;
    };
    page = createPublicReaders({ db: async () => ctx.db, version: () => readPublicDataVersion(ctx.db), memoize });
  });

  /** What each surface says about the testimony now. */
  async function surfaces() {
    const personPage = JSON.stringify([await page.publishedPerson(personId), (await page.publicTestimoniesForPerson(personId)).items]);
    return {
      personPage,
      api: await get(() => import('@/app/api/v1/testimonies/route'), `/api/v1/testimonies?person=${personId}`),
      feed: await get(() => import('@/app/[locale]/feed.xml/route'), '/en/feed.xml', { locale: 'en' }),
      csv: await get(() => import('@/app/api/v1/testimonies.csv/route'), '/api/v1/testimonies.csv'),
    };
  }

  it('publish: on the person page, in the API, the feed and the CSV on the next request', async () => {
    for (const [surface, text] of Object.entries(await surfaces())) expect(text, surface).not.toContain(testimonyId);
    await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId });
    await approveText(ctx.db, actors.moderator.viewer, { testimonyId, revisionId, redactedNarrative: 'Seen at the square, call [redacted].' });
    const now = await surfaces();
    for (const [surface, text] of Object.entries(now)) {
      expect(text, surface).toContain(testimonyId);
      expect(text, surface).not.toContain('345 6789');
    }
    expect(now.personPage).toContain('Seen at the square, call [redacted].');
    expect(now.personPage).toContain('"testimonyCount":1');
  });

  it('withdraw: gone from the person page, the API, the feed and the CSV on the next request', async () => {
    for (const [surface, text] of Object.entries(await surfaces())) expect(text, surface).toContain(testimonyId);
    await withdrawTestimony(ctx.db, actors.submitterA.viewer, testimonyId);
    const now = await surfaces();
    for (const [surface, text] of Object.entries(now)) {
      expect(text, surface).not.toContain(testimonyId);
      expect(text, surface).not.toContain('Seen at the square');
    }
    expect(now.personPage).toContain('"testimonyCount":0');
  });
});
