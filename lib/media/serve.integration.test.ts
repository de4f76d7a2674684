// The serving route as each kind of person: submitter A sees her own file, submitter B and
// anonymous get the same 404 as an unknown id until the file is public and its testimony is
// published; staff see it throughout. Headers: verified type, nosniff, no-store unless public.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '@/lib/auth/sessions';
import { attachments, testimonies } from '@/db/schema';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { createActors, type ActorName, type Actors } from '@/lib/testing/actors';
import { useTestDatabase } from '@/lib/testing/databases';
import { insertDraft, leakyJpeg, receivedFile, testDatabasesAndStores, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { setFfmpegAvailableForTests } from './ffmpeg';
import { receiveUpload } from './upload';

const state = vi.hoisted(() => ({ viewer: null as Viewer | null, db: undefined as unknown }));
vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => state.viewer }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => state.db }));

const { GET } = await import('@/app/api/media/[id]/route');

describe.each(testDatabasesAndStores())('media route on $name, files in $store', (target) => {
  const ctx = useTestDatabase(target);
  useTemporaryMediaStore(target.store);
  let actors: Actors;
  let draftId: string;
  let imageId: string;

  const fetchAs = async (actor: ActorName, id: string) => {
    state.viewer = actors[actor].viewer;
    return GET(new Request(`http://localhost/api/media/${id}`), { params: Promise.resolve({ id }) });
  };
  // One after another: the mocked viewer is shared state.
  const statuses = async (id: string) => {
    const seen: Record<string, number> = {};
    for (const a of ['anonymous', 'submitterA', 'submitterB', 'moderator', 'moderatorWithout2fa'] as const) {
      seen[a] = (await fetchAs(a, id)).status;
    }
    return seen;
  };

  beforeAll(async () => {
    state.db = ctx.db;
    actors = await createActors(ctx.db);
    draftId = await insertDraft(ctx.db, actors.submitterA.userId!);
    const jpeg = await leakyJpeg();
    ({ id: imageId } = await receiveUpload(ctx.db, actors.submitterA.viewer!, {
      testimonyId: draftId,
      path: await receivedFile(jpeg),
      keepOriginal: false,
    }));
    await runOneJob(ctx.db, jobHandlers);
  });

  it('serves the derivative to its submitter with safe headers', async () => {
    const response = await fetchAs('submitterA', imageId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="${imageId}.jpg"`);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('answers submitter B and anonymous exactly like an unknown id, until published and public', async () => {
    const unknown = await fetchAs('submitterB', '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(await statuses(imageId)).toEqual({ anonymous: 404, submitterA: 200, submitterB: 404, moderator: 200, moderatorWithout2fa: 404 });
    expect(await (await fetchAs('submitterB', imageId)).text()).toBe(await unknown.text());
    expect((await fetchAs('anonymous', 'not-a-uuid')).status).toBe(404);

    // Public attachment, testimony still a draft: still hidden.
    await ctx.db.update(attachments).set({ visibility: 'public' }).where(eq(attachments.id, imageId));
    expect((await fetchAs('anonymous', imageId)).status).toBe(404);

    // Published, but the attachment moderators-only: hidden.
    const [t] = await ctx.db.select().from(testimonies).where(eq(testimonies.id, draftId));
    await ctx.db.update(attachments).set({ visibility: 'moderators' }).where(eq(attachments.id, imageId));
    await ctx.db
      .update(testimonies)
      .set({ status: 'published', publishedRevisionId: t!.currentRevisionId, publishedAt: new Date() })
      .where(eq(testimonies.id, draftId));
    expect((await fetchAs('anonymous', imageId)).status).toBe(404);

    // Both: public to everyone, cacheable briefly.
    await ctx.db.update(attachments).set({ visibility: 'public' }).where(eq(attachments.id, imageId));
    expect(await statuses(imageId)).toEqual({ anonymous: 200, submitterA: 200, submitterB: 200, moderator: 200, moderatorWithout2fa: 200 });
    expect((await fetchAs('anonymous', imageId)).headers.get('cache-control')).toMatch(/^public/);

    // A safety takedown hides it again at once.
    await ctx.db.update(testimonies).set({ status: 'unpublished' }).where(eq(testimonies.id, draftId));
    expect((await fetchAs('anonymous', imageId)).status).toBe(404);
  });

  it('gives a flagged file (no metadata-free copy) to staff only, as a download', async () => {
    setFfmpegAvailableForTests(false);
    const other = await insertDraft(ctx.db, actors.submitterA.userId!);
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64)]);
    const { id } = await receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId: other, path: await receivedFile(mp4), keepOriginal: false });
    await runOneJob(ctx.db, jobHandlers);
    setFfmpegAvailableForTests(undefined);
    expect(await statuses(id)).toEqual({ anonymous: 404, submitterA: 404, submitterB: 404, moderator: 200, moderatorWithout2fa: 404 });
    const response = await fetchAs('moderator', id);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${id}.mp4"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(mp4)).toBe(true);
  });
});
