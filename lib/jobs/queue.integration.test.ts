// The job queue on both databases: claim, completion, retry with backoff, dead letter, expired
// claims, and (on PostgreSQL, where connections are real) concurrent workers never sharing a job.
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jobs } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { backoffSeconds, claimJob, enqueue, pruneJobs } from './queue';
import { PermanentJobError, runOneJob, startWorker, whatFailed } from './worker';

describe.each(testDatabases())('job queue on $name', (target) => {
  const ctx = useTestDatabase(target);
  const get = async (id: string) => (await ctx.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

  beforeEach(async () => {
    await ctx.db.delete(jobs).where(sql`true`);
  });

  it('runs a due job once and marks it done', async () => {
    const seen: unknown[] = [];
    const id = await enqueue(ctx.db, 'test.ok', { n: 1 });
    expect(await runOneJob(ctx.db, { 'test.ok': async (payload) => void seen.push(payload) })).toBe('done');
    expect(seen).toEqual([{ n: 1 }]);
    expect(await get(id)).toMatchObject({ status: 'done', attempts: 1, lockedUntil: null });
    expect(await runOneJob(ctx.db, { 'test.ok': async () => {} })).toBe('idle');
  });

  it('leaves a job scheduled for later alone, and claims only kinds it has handlers for', async () => {
    await enqueue(ctx.db, 'test.later', {}, { runAt: new Date(Date.now() + 60_000) });
    await enqueue(ctx.db, 'test.other', {});
    expect(await claimJob(ctx.db, ['test.later'])).toBeNull();
    expect((await claimJob(ctx.db, ['test.other']))?.kind).toBe('test.other');
  });

  it('retries a failing job with backoff, records only the error name, then dead-letters it', async () => {
    const id = await enqueue(ctx.db, 'test.fail', {}, { maxAttempts: 2 });
    const failing = { 'test.fail': async () => { throw new TypeError('secret file name.jpg') } };
    expect(await runOneJob(ctx.db, failing)).toBe('retry');
    const retried = await get(id);
    expect(retried).toMatchObject({ status: 'queued', attempts: 1, lastError: 'TypeError' });
    expect(retried.runAt.getTime()).toBeGreaterThan(Date.now() + (backoffSeconds(1) - 2) * 1000);
    // Not due yet: nothing to claim until the backoff has passed.
    expect(await runOneJob(ctx.db, failing)).toBe('idle');
    await ctx.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.id, id));
    expect(await runOneJob(ctx.db, failing)).toBe('dead');
    expect(await get(id)).toMatchObject({ status: 'dead', attempts: 2, lastError: 'TypeError' });
  });

  it('dead-letters at once on a permanent error or an unknown kind', async () => {
    const id = await enqueue(ctx.db, 'test.permanent', {});
    expect(await runOneJob(ctx.db, { 'test.permanent': async () => { throw new PermanentJobError('gone') } })).toBe('dead');
    expect((await get(id)).status).toBe('dead');
  });

  it('takes over a job whose worker died (expired claim), and buries it when out of attempts', async () => {
    const id = await enqueue(ctx.db, 'test.crash', {}, { maxAttempts: 2 });
    await claimJob(ctx.db, undefined, 60); // a worker claims it, then "crashes"
    expect(await claimJob(ctx.db)).toBeNull(); // claim still valid
    await ctx.db.update(jobs).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(jobs.id, id));
    expect((await claimJob(ctx.db, undefined, 60))?.attempts).toBe(2);
    await ctx.db.update(jobs).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(jobs.id, id));
    expect(await claimJob(ctx.db)).toBeNull();
    expect(await get(id)).toMatchObject({ status: 'dead', lastError: 'claim expired' });
  });

  it('never gives the same job to two workers claiming at the same time', async () => {
    const count = 20;
    for (let i = 0; i < count; i++) await enqueue(ctx.db, 'test.race', { i });
    const taken: string[] = [];
    const worker = async () => {
      for (;;) {
        const job = await claimJob(ctx.db);
        if (!job) return;
        taken.push(job.id);
      }
    };
    // postgres.js runs these on separate pooled connections (max 4); PGlite serializes them.
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(taken).toHaveLength(count);
    expect(new Set(taken).size).toBe(count);
  });

  it('the worker loop runs queued jobs and stops gracefully, finishing the job in hand', async () => {
    const done: number[] = [];
    const worker = startWorker(async () => ctx.db, {
      'test.loop': async (payload) => {
        await new Promise((r) => setTimeout(r, 50));
        done.push(payload.n as number);
      },
    }, { minPollMs: 10, maxPollMs: 50 });
    await enqueue(ctx.db, 'test.loop', { n: 1 });
    await enqueue(ctx.db, 'test.loop', { n: 2 });
    for (let i = 0; i < 100 && done.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await enqueue(ctx.db, 'test.loop', { n: 3 });
    await new Promise((r) => setTimeout(r, 30)); // let the worker pick it up, then stop mid-job
    await worker.stop();
    const rows = await ctx.db.select().from(jobs);
    expect(rows.every((r) => r.status === 'done' || r.status === 'queued')).toBe(true);
    expect(done.slice(0, 2).sort()).toEqual([1, 2]);
  });

  it('a housekeeping sweep that fails is named in the log, without its message, and stops neither the others nor the jobs', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const swept: string[] = [];
    const done: number[] = [];
    const failing = Object.assign(new Error("ENOENT: no such file or directory, scandir '/srv/secret-path/uploads'"), { code: 'ENOENT' });
    const worker = startWorker(async () => ctx.db, { 'test.after': async (payload) => void done.push(payload.n as number) }, {
      minPollMs: 10,
      maxPollMs: 50,
      housekeeping: [
        async function resumableUploads() {
          throw failing;
        },
        async function auditCheckpoint() {
          swept.push('auditCheckpoint');
        },
      ],
    });
    await enqueue(ctx.db, 'test.after', { n: 1 });
    for (let i = 0; i < 100 && done.length < 1; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    const lines = logged.mock.calls.map((call) => call.join(' '));
    logged.mockRestore();
    expect(lines).toEqual(['job worker: housekeeping resumableUploads failed: Error ENOENT']);
    expect(swept).toEqual(['auditCheckpoint']);
    expect(done).toEqual([1]);
  });

  it('names what failed by class and code only', () => {
    expect(whatFailed(Object.assign(new Error('terminating connection: values Maryam'), { code: '57P01' }))).toBe('Error 57P01');
    expect(whatFailed(new TypeError('x is not a function'))).toBe('TypeError');
    expect(whatFailed(Object.assign(new Error('m'), { code: 'has spaces and secrets' }))).toBe('Error');
    expect(whatFailed('a string')).toBe('a non-error value was thrown');
  });

  it('prunes old finished jobs, keeping dead ones longer and unfinished ones always', async () => {
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    const ids = await Promise.all([1, 2, 3, 4].map((n) => enqueue(ctx.db, 'test.prune', { n })));
    await ctx.db.update(jobs).set({ status: 'done', finishedAt: daysAgo(8) }).where(eq(jobs.id, ids[0]!));
    await ctx.db.update(jobs).set({ status: 'done', finishedAt: daysAgo(1) }).where(eq(jobs.id, ids[1]!));
    await ctx.db.update(jobs).set({ status: 'dead', finishedAt: daysAgo(8) }).where(eq(jobs.id, ids[2]!));
    expect(await pruneJobs(ctx.db)).toBe(1);
    expect((await ctx.db.select({ id: jobs.id }).from(jobs)).map((r) => r.id).sort()).toEqual(ids.slice(1).sort());
  });
});
