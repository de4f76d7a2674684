// The two ways bytes arrive, through their real route handlers on both databases: the plain
// multipart form (no JavaScript) and resumable tus uploads. Both stream to a temporary file with
// the checks made while bytes arrive, then feed the same receiveUpload. Submitter B can neither
// post to A's draft nor touch A's upload (404). An interrupted tus upload resumes at the offset the
// server holds and completes into one attachment whose SHA-256 is that of the whole file. All of it
// with files in the local folder and in an S3 bucket (a loopback S3-protocol server).
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { clientAddressHeader } from '@/lib/abuse/client-address.mjs';
import type { Viewer } from '@/lib/auth/sessions';
import { attachments, rateLimits } from '@/db/schema';
import { env } from '@/lib/env.mjs';
import { createActors, type ActorName, type Actors } from '@/lib/testing/actors';
import { useTestDatabase } from '@/lib/testing/databases';
import { insertDraft, leakyJpeg, testDatabasesAndStores, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { addressKey } from '@/lib/abuse/address';
import { rules, storedKey } from '@/lib/abuse/limits';
import { writeChecked } from './intake';
import { withTempDir } from './temp';

const state = vi.hoisted(() => ({ viewer: null as Viewer | null, db: undefined as unknown }));
vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => state.viewer }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => state.db }));

const form = await import('@/app/api/uploads/form/route');
const tus = await import('@/app/api/uploads/tus/[[...id]]/route');
const { cleanUpExpiredUploads } = await import('./tus');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (s: string) => Buffer.from(s).toString('base64');
// What a browser sends from our own pages; the routes refuse anything else (lib/security/same-origin.ts).
const sameSite = { 'Sec-Fetch-Site': 'same-origin' };
const tusHeaders = { 'Tus-Resumable': '1.0.0', ...sameSite };

describe.each(testDatabasesAndStores())('uploads on $name, files in $store', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore(target.store);
  let actors: Actors;
  let draftId: string;
  let jpeg: Buffer;

  beforeAll(async () => {
    state.db = ctx.db;
    actors = await createActors(ctx.db);
    draftId = await insertDraft(ctx.db, actors.submitterA.userId!);
    jpeg = await leakyJpeg();
  });

  const as = (actor: ActorName) => {
    state.viewer = actors[actor].viewer;
  };
  const rowsOf = (testimonyId: string) => ctx.db.select().from(attachments).where(eq(attachments.testimonyId, testimonyId));

  describe('the multipart form', () => {
    const post = (fields: Record<string, string>, file: Buffer) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      body.set('file', new File([new Uint8Array(file)], 'IMG_0001.jpg', { type: 'image/jpeg' }));
      return form.POST(new Request('http://localhost/api/uploads/form', { method: 'POST', headers: sameSite, body }));
    };

    it('receives a photo and answers with a redirect back to the files step', async () => {
      as('submitterA');
      const response = await post({ testimonyId: draftId, locale: 'en', caption: 'The street', keepOriginal: 'on' }, jpeg);
      expect(response.status).toBe(303);
      // Relative: back to whichever host the browser used (issue 17; AUTH_URL unset here).
      expect(response.headers.get('location')).toBe(`/en/submit/${draftId}/files?upload=received#attachments-heading`);
      const [row] = await rowsOf(draftId);
      expect(row).toMatchObject({ sha256: sha256(jpeg), sizeBytes: jpeg.length, caption: 'The street', keepOriginal: true, status: 'processing' });
    });

    it('a re-sent upload (its answer lost) is received once: one row, one stored file', async () => {
      as('submitterA');
      const draft = await insertDraft(ctx.db, actors.submitterA.userId!);
      const filesBefore = (await media.files('originals')).length;
      const answers = await Promise.all([1, 2, 3].map(() => post({ testimonyId: draft, locale: 'en', caption: 'again' }, jpeg)));
      expect(answers.map((r) => r.status)).toEqual([303, 303, 303]);
      expect(await rowsOf(draft)).toHaveLength(1);
      expect(await media.files('originals')).toHaveLength(filesBefore + 1);
    });

    it('the allowance counts files received, not posts: a re-sent file costs nothing and is not refused at the limit', async () => {
      as('submitterA');
      const draft = await insertDraft(ctx.db, actors.submitterA.userId!);
      const key = storedKey('upload', 'account', actors.submitterA.userId!);
      const used = async () => (await ctx.db.select({ points: rateLimits.points }).from(rateLimits).where(eq(rateLimits.key, key)))[0]?.points ?? 0;
      const before = await used();
      const fields = { testimonyId: draft, locale: 'en', caption: 'counted once' };
      await Promise.all([1, 2, 3].map(() => post(fields, jpeg)));
      expect(await used()).toBe(before + 1);
      // The account at its allowance: the same file again (its answer lost) is still received; a new one is refused.
      await ctx.db.update(rateLimits).set({ points: rules.upload.account()! }).where(eq(rateLimits.key, key));
      expect((await post(fields, jpeg)).headers.get('location')).toContain('upload=received');
      const another = Buffer.concat([jpeg, Buffer.from('another file')]);
      expect((await post({ ...fields, caption: 'one more' }, another)).headers.get('location')).toContain('upload=rateLimited');
      expect(await rowsOf(draft)).toHaveLength(1);
      await ctx.db.delete(rateLimits).where(eq(rateLimits.key, key));
    });

    it('refuses a disguised file with its reason, handing the caption back in a cookie for that page only', async () => {
      as('submitterA');
      const before = await media.files('originals');
      const response = await post({ testimonyId: draftId, locale: 'fa', caption: 'خیابان' }, Buffer.from('<!doctype html><script>alert(1)</script>'));
      expect(response.headers.get('location')).toContain(`/fa/submit/${draftId}/files?upload=fileTypeRefused`);
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toContain(`Path=/fa/submit/${draftId}/files`);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(decodeURIComponent(cookie)).toContain('خیابان');
      expect(await media.files('originals')).toEqual(before);
    });

    it('refuses a photo over its limit with the limit as the reason, reading the rest of the body, and hands the caption back', async () => {
      as('submitterA');
      const before = await media.files('originals');
      const limit = env().MEDIA_MAX_IMAGE_MB * 1024 * 1024;
      const tooLarge = Buffer.concat([jpeg, Buffer.alloc(limit + 2 * 1024 * 1024 - jpeg.length, 1)]);
      const response = await post({ testimonyId: draftId, locale: 'fa', caption: 'عکس بزرگ' }, tooLarge);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/fa/submit/${draftId}/files?upload=fileTooLarge.image#attachments-heading`);
      expect(decodeURIComponent(response.headers.get('set-cookie')!)).toContain('عکس بزرگ');
      expect(await media.files('originals')).toEqual(before);
    });

    it("submitter B cannot post to A's draft (404), and nobody signed out can post at all", async () => {
      as('submitterB');
      expect((await post({ testimonyId: draftId, locale: 'en' }, jpeg)).status).toBe(404);
      as('anonymous');
      expect((await post({ testimonyId: draftId, locale: 'en' }, jpeg)).status).toBe(401);
      as('submitterA');
      const crossSite = new Request('http://localhost/api/uploads/form', { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site' }, body: new FormData() });
      expect((await form.POST(crossSite)).status).toBe(403);
    });
  });

  describe('limits while streaming', () => {
    it('stops reading an over-size photo soon after its limit instead of storing it first', async () => {
      const limit = env().MEDIA_MAX_IMAGE_MB * 1024 * 1024;
      const chunk = Buffer.alloc(1024 * 1024, 1);
      let pulled = 0;
      const endless = Readable.from(
        (function* () {
          yield jpeg.subarray(0, 100);
          for (;;) {
            pulled += chunk.length;
            yield chunk;
          }
        })(),
      );
      await withTempDir(async (dir) => {
        await expect(writeChecked(endless, path.join(dir, 'upload'))).rejects.toMatchObject({ fieldErrors: { file: 'fileTooLarge.image' } });
      });
      expect(pulled).toBeGreaterThanOrEqual(limit - chunk.length);
      expect(pulled).toBeLessThan(limit + 4 * chunk.length);
    });

    it('refuses a disguised file at its first bytes', async () => {
      let pulled = 0;
      const html = Readable.from(
        (function* () {
          for (let i = 0; i < 100; i++) {
            pulled++;
            yield Buffer.from('<!doctype html><script>alert(1)</script>'.padEnd(1024, ' '));
          }
        })(),
      );
      await withTempDir(async (dir) => {
        await expect(writeChecked(html, path.join(dir, 'upload'))).rejects.toMatchObject({ fieldErrors: { file: 'fileTypeRefused' } });
      });
      expect(pulled).toBeLessThan(5);
    });

  });

  describe('resumable (tus)', () => {
    const create = (size: number, metadata: Record<string, string>) =>
      tus.POST(
        new Request('http://localhost/api/uploads/tus', {
          method: 'POST',
          headers: { ...tusHeaders, 'Upload-Length': String(size), 'Upload-Metadata': Object.entries(metadata).map(([k, v]) => `${k} ${b64(v)}`).join(',') },
        }),
        { params: Promise.resolve({}) },
      );
    const idOf = (response: Response) => response.headers.get('location')!.split('/').pop()!;

    it('counts new uploads per hashed address on both routes: over the limit, the form says rateLimited and tus answers 429', async () => {
      as('submitterB');
      const draft = await insertDraft(ctx.db, actors.submitterB.userId!);
      // The address scripts/server.mjs stamps on every request (lib/abuse/client-address.mjs).
      const from = { [clientAddressHeader]: '198.51.100.61' };
      // The address's count at the hourly allowance, as that many uploads would leave it.
      const key = storedKey('upload', 'address', addressKey('198.51.100.61'));
      await ctx.db.insert(rateLimits).values({ key, points: rules.upload.address()!, expire: new Date(Date.now() + 3_600_000) });
      const body = new FormData();
      for (const [k, v] of Object.entries({ testimonyId: draft, locale: 'en', caption: '' })) body.set(k, v);
      body.set('file', new File([new Uint8Array(jpeg)], 'a.jpg', { type: 'image/jpeg' }));
      const posted = await form.POST(new Request('http://localhost/api/uploads/form', { method: 'POST', headers: { ...sameSite, ...from }, body }));
      expect(posted.headers.get('location')).toContain('upload=rateLimited');
      const metadata = { testimonyId: draft, kind: 'image', caption: '', keepOriginal: 'no' };
      const refused = await tus.POST(
        new Request('http://localhost/api/uploads/tus', {
          method: 'POST',
          headers: { ...tusHeaders, ...from, 'Upload-Length': String(jpeg.length), 'Upload-Metadata': Object.entries(metadata).map(([k, v]) => `${k} ${b64(v)}`).join(',') },
        }),
        { params: Promise.resolve({}) },
      );
      expect(refused.status).toBe(429);
      expect((await create(jpeg.length, metadata)).status).toBe(201);
    });
    const patch = (id: string, offset: number, bytes: Buffer) =>
      tus.PATCH(
        new Request(`http://localhost/api/uploads/tus/${id}`, {
          method: 'PATCH',
          headers: { ...tusHeaders, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
          body: new Uint8Array(bytes),
        }),
        { params: Promise.resolve({ id: [id] }) },
      );
    const head = (id: string) =>
      tus.HEAD(new Request(`http://localhost/api/uploads/tus/${id}`, { method: 'HEAD', headers: tusHeaders }), { params: Promise.resolve({ id: [id] }) });

    it('an interrupted upload resumes at the offset the server holds and completes into one attachment', async () => {
      as('submitterA');
      const draft = await insertDraft(ctx.db, actors.submitterA.userId!);
      const created = await create(jpeg.length, { testimonyId: draft, kind: 'image', caption: 'Resumed', keepOriginal: 'no' });
      expect(created.status, await created.clone().text()).toBe(201);
      const id = idOf(created);
      const half = Math.floor(jpeg.length / 2);
      expect((await patch(id, 0, jpeg.subarray(0, half))).status).toBe(204);
      // The connection drops here. The client asks where to continue.
      as('submitterB');
      expect((await head(id)).status).toBe(404);
      expect((await patch(id, half, jpeg.subarray(half))).status).toBe(404);
      as('submitterA');
      const where = await head(id);
      expect(where.headers.get('upload-offset')).toBe(String(half));
      expect(await rowsOf(draft)).toEqual([]);
      const done = await patch(id, half, jpeg.subarray(half));
      expect(done.status).toBe(204);
      const [row] = await rowsOf(draft);
      expect(done.headers.get('upload-attachment-id')).toBe(row!.id);
      expect(row).toMatchObject({ sha256: sha256(jpeg), sizeBytes: jpeg.length, caption: 'Resumed', kind: 'image', status: 'processing' });
      // The partial copy is gone once the sealed original is stored.
      expect(await media.partialUpload(id)).toEqual([]);
    });

    it('an upload whose chunks each reach another server process completes from what the shared storage holds', async () => {
      as('submitterA');
      const draft = await insertDraft(ctx.db, actors.submitterA.userId!);
      // Larger than S3's 5 MB minimum part, so the bucket holds a completed part and an incomplete one between requests.
      const video = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(7 * 1024 * 1024 - 24, 7)]);
      const created = await create(video.length, { testimonyId: draft, kind: 'video', caption: 'Across servers', keepOriginal: 'no' });
      expect(created.status).toBe(201);
      const id = idOf(created);
      const chunk = 1024 * 1024; // the browser's (components/forms/attachment-upload-form.tsx)
      let attachmentId: string | null = null;
      for (let offset = 0; offset < video.length; offset += chunk) {
        media.anotherServer();
        expect((await head(id)).headers.get('upload-offset')).toBe(String(offset));
        media.anotherServer();
        const response = await patch(id, offset, video.subarray(offset, offset + chunk));
        expect(response.status).toBe(204);
        attachmentId = response.headers.get('upload-attachment-id');
      }
      const [row] = await rowsOf(draft);
      expect(attachmentId).toBe(row!.id);
      expect(row).toMatchObject({ sha256: sha256(video), sizeBytes: video.length, kind: 'video' });
      expect(await media.partialUpload(id)).toEqual([]);
    });

    it('the housekeeping removes uploads a day old, unfinished or finished and left behind by a server that died', async () => {
      as('submitterA');
      const draft = await insertDraft(ctx.db, actors.submitterA.userId!);
      const unfinished = idOf(await create(jpeg.length, { testimonyId: draft, kind: 'image' }));
      expect((await patch(unfinished, 0, jpeg.subarray(0, 100))).status).toBe(204);
      const finished = randomUUID();
      await media.leaveFinishedUpload(finished, jpeg);
      expect(await media.partialUpload(unfinished)).not.toEqual([]);
      expect(await media.partialUpload(finished)).not.toEqual([]);
      // Younger than a day: kept.
      await cleanUpExpiredUploads();
      expect(await media.partialUpload(finished)).not.toEqual([]);
      expect((await head(unfinished)).headers.get('upload-offset')).toBe('100');
      // Older than the age given (here: any age), both are gone, and nothing else was touched.
      const stored = await media.files('originals');
      await cleanUpExpiredUploads(0);
      expect(await media.partialUpload(unfinished)).toEqual([]);
      expect(await media.partialUpload(finished)).toEqual([]);
      expect(await media.files('originals')).toEqual(stored);
    });

    it("refuses to create uploads for B's use of A's draft, over-size declarations and unknown kinds", async () => {
      as('submitterB');
      expect((await create(100, { testimonyId: draftId, kind: 'image' })).status).toBe(404);
      as('submitterA');
      const tooBig = await create(env().MEDIA_MAX_IMAGE_MB * 1024 * 1024 + 1, { testimonyId: draftId, kind: 'image' });
      expect(tooBig.status).toBe(413);
      expect(await tooBig.text()).toBe('fileTooLarge.image');
      expect((await create(100, { testimonyId: draftId, kind: 'spreadsheet' })).status).toBe(400);
      as('anonymous');
      expect((await create(100, { testimonyId: draftId, kind: 'image' })).status).toBe(401);
    });

    it('checks the bytes at the end like the form does: a disguised file is refused and not kept', async () => {
      as('submitterA');
      const draft = await insertDraft(ctx.db, actors.submitterA.userId!);
      const html = Buffer.from('<!doctype html><script>alert(1)</script>');
      const id = idOf(await create(html.length, { testimonyId: draft, kind: 'image' }));
      const refused = await patch(id, 0, html);
      expect(refused.status).toBe(422);
      expect(await refused.text()).toBe('fileTypeRefused');
      expect(await rowsOf(draft)).toEqual([]);
      expect(await media.partialUpload(id)).toEqual([]);
    });
  });
});
