// The investigators' export end to end (issue 23, Done when): two testimonies with originals are
// exported; the package decrypts with the standard `age` tool and the recipient's key, and the bag
// validates with the Library of Congress `bagit.py`; every original's SHA-256 in the bag equals the
// hash recorded at receipt; one byte changed fails validation; without the second admin's approval
// (four-eyes on) nothing is produced; the export is an audit entry holding the manifest's hash.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditCheckpoints, auditEntries, evidenceExports, settings } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { AppError } from '@/lib/errors';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { setFfmpegAvailableForTests } from '@/lib/media/ffmpeg';
import { receiveUpload } from '@/lib/media/upload';
import { submitTestimony } from '@/lib/testimonies';
import { createActors, insertUser, type Actors } from '@/lib/testing/actors';
import { createSession, resolveSession, type Viewer } from '@/lib/auth/sessions';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { formGate } from '@/lib/testing/form-gate';
import { receivedFile, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { insertCollection } from '@/lib/testing/public-fixtures';
import { filledDraft, formToken } from '@/lib/testing/testimony-fixtures';
import { approveExport, openExportPackage, requestExport } from './exports';
import { produceExport } from './produce';
import { validateBag } from '../testing/bagit-validate';

const ageBin = '/usr/bin/age';
/** The Library of Congress tool when installed (`pip install bagit`), else none: see validateBag. */
const bagitPy = ['bagit.py', path.join(os.homedir(), '.local/bin/bagit.py')].find((p) => spawnSync(p, ['--version']).status === 0);

const codeOf = (p: Promise<unknown>) => p.then(() => 'allowed', (e: unknown) => (e instanceof AppError ? e.code : 'thrown'));

describe.each(testDatabases())('evidence export on $name', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore();
  let actors: Actors;
  let secondAdmin: Viewer;
  let work: string;
  let identityFile: string;
  let recipient: string;
  const testimonyIds: string[] = [];
  const originals: Buffer[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'yadman-export-test-'));
    identityFile = path.join(work, 'key.txt');
    execFileSync('/usr/bin/age-keygen', ['-o', identityFile], { stdio: 'ignore' });
    recipient = execFileSync('/usr/bin/age-keygen', ['-y', identityFile]).toString().trim();
    actors = await createActors(ctx.db);
    secondAdmin = (await resolveSession(ctx.db, await createSession(ctx.db, await insertUser(ctx.db, 'admin-two', 'admin', { totp: true }), true)))!;
    await insertCollection(ctx.db);
    setFfmpegAvailableForTests(false);
    for (const n of [1, 2]) {
      const id = await filledDraft(ctx.db, actors.submitterA.viewer, { account: { narrative: `روایت شمارهٔ ${n}: آن شب در خیابان بودیم.` } });
      const bytes = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(4096 * n, n)]);
      originals.push(bytes);
      await receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId: id, path: await receivedFile(bytes), keepOriginal: true });
      await runOneJob(ctx.db, jobHandlers);
      await submitTestimony(ctx.db, actors.submitterA.viewer, { ...formGate(), testimonyId: id, token: formToken() });
      testimonyIds.push(id);
    }
    setFfmpegAvailableForTests(undefined);
    await ctx.db.insert(settings).values({ key: 'four_eyes', value: true }).onConflictDoUpdate({ target: settings.key, set: { value: true } });
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const exportFiles = async () => (await readdir(path.join(media.dir, 'exports')).catch(() => [] as string[]));

  it('moderators and submitters cannot start an export; an admin can', async () => {
    const input = { recipientName: 'UN FFM Iran', recipientKey: recipient, testimonyIds: testimonyIds.join('\n') };
    for (const actor of ['anonymous', 'submitterA', 'moderator', 'moderatorWithout2fa'] as const) {
      expect(await codeOf(requestExport(ctx.db, actors[actor].viewer, input))).not.toBe('allowed');
    }
    expect(await codeOf(requestExport(ctx.db, actors.admin.viewer, { ...input, recipientKey: 'age1notakey' }))).toBe('invalid_input');
  });

  it('four-eyes on: nothing is produced before a second admin approves; the requester cannot approve', async () => {
    const { id, status } = await requestExport(ctx.db, actors.admin.viewer, { recipientName: 'UN FFM Iran', recipientKey: recipient, testimonyIds: testimonyIds.join('\n'), includeMessages: true });
    expect(status).toBe('awaiting_approval');
    // The worker runs every queued job: none produces this export.
    while ((await runOneJob(ctx.db, jobHandlers)) !== 'idle');
    expect(await produceExport(ctx.db, id)).toEqual({ status: 'skipped', reason: 'awaiting_approval' });
    expect(await exportFiles()).toEqual([]);
    expect(await codeOf(approveExport(ctx.db, actors.admin.viewer, id))).toBe('invalid_input');
    expect(await codeOf(approveExport(ctx.db, actors.moderator.viewer, id))).not.toBe('allowed');
    expect(await exportFiles()).toEqual([]);
    const [row] = await ctx.db.select().from(evidenceExports).where(eq(evidenceExports.id, id));
    expect(row).toMatchObject({ status: 'awaiting_approval', fileKey: null });
  });

  it('approved by a second admin: decrypts with age, validates with bagit, originals match their receipt hashes', async () => {
    const [pending] = await ctx.db.select().from(evidenceExports).where(eq(evidenceExports.status, 'awaiting_approval'));
    await approveExport(ctx.db, secondAdmin, pending!.id);
    expect(await runOneJob(ctx.db, jobHandlers)).toBe('done');
    const [row] = await ctx.db.select().from(evidenceExports).where(eq(evidenceExports.id, pending!.id));
    expect(row).toMatchObject({ status: 'done', mismatches: 0 });
    expect(await exportFiles()).toHaveLength(1);

    // The standard tool and the recipient's key.
    const tarFile = path.join(work, 'bag.tar');
    execFileSync(ageBin, ['--decrypt', '-i', identityFile, '-o', tarFile, path.join(media.dir, row!.fileKey!)]);
    execFileSync('tar', ['-xf', tarFile, '-C', work]);
    const bagDir = path.join(work, `yadman-export-${row!.id}`);

    expect(await validateBag(bagDir)).toEqual({ ok: true, problems: [] });
    if (bagitPy) expect(spawnSync(bagitPy, ['--validate', bagDir], { encoding: 'utf8' }).status).toBe(0);

    // Every original in the bag hashes to what was recorded at receipt.
    const received = await ctx.db.select().from(attachments);
    expect(received).toHaveLength(2);
    for (const [i, t] of testimonyIds.entries()) {
      const a = received.find((r) => r.testimonyId === t)!;
      const names = await readdir(path.join(bagDir, 'data/testimonies', t, 'originals'));
      expect(names).toEqual([`${a.id}.mp4`]);
      const bytes = await readFile(path.join(bagDir, 'data/testimonies', t, 'originals', names[0]!));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(a.sha256);
      expect(bytes.equals(originals[i]!)).toBe(true);
      const custody = JSON.parse(await readFile(path.join(bagDir, 'data/testimonies', t, 'custody.json'), 'utf8'));
      expect(custody.originals).toEqual([expect.objectContaining({ attachmentId: a.id, sha256AtReceipt: a.sha256, sha256Now: a.sha256, matches: true })]);
      expect(await readFile(path.join(bagDir, 'data/testimonies', t, 'revisions/1-narrative.txt'), 'utf8')).toContain(`شمارهٔ ${i + 1}`);
      expect(JSON.parse(await readFile(path.join(bagDir, 'data/testimonies', t, 'testimony.json'), 'utf8')).consent).toMatchObject({ publish: 'public' });
    }
    const info = await readFile(path.join(bagDir, 'bag-info.txt'), 'utf8');
    expect(info).toContain('Yadman-Exported-By: admin');
    expect(info).toContain('Yadman-Approved-By: admin-two');
    expect(info).toMatch(/Yadman-Audit-Checkpoint: \d+ entries=\d+ head=[0-9a-f]{64}/);
    expect(await readFile(path.join(bagDir, 'data/audit/entries.jsonl'), 'utf8')).toContain('"action":"attachment.upload"');

    // The export is an audit entry holding the manifest's hash; the chain verifies.
    const manifest = await readFile(path.join(bagDir, 'manifest-sha256.txt'));
    const [entry] = await ctx.db.select().from(auditEntries).where(eq(auditEntries.action, 'export.produce'));
    expect(entry!.details.manifestSha256).toBe(createHash('sha256').update(manifest).digest('hex'));
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);

    // One byte changed in a bag file: validation fails (both validators).
    const target = path.join(bagDir, 'data/testimonies', testimonyIds[0]!, 'revisions/1-narrative.txt');
    const text = await readFile(target);
    text[0] = text[0]! ^ 1;
    await writeFile(target, text);
    expect((await validateBag(bagDir)).ok).toBe(false);
    if (bagitPy) expect(spawnSync(bagitPy, ['--validate', bagDir], { encoding: 'utf8' }).status).not.toBe(0);
    // A file added to the payload is refused too.
    text[0] = text[0]! ^ 1;
    await writeFile(target, text);
    expect((await validateBag(bagDir)).ok).toBe(true);
    await appendFile(path.join(bagDir, 'data/extra.txt'), 'x');
    expect((await validateBag(bagDir)).problems).toContain('not in the manifest: data/extra.txt');
  });

  it('only admins download the package, each download audited; a checkpoint follows the export', async () => {
    const [row] = await ctx.db.select().from(evidenceExports).where(eq(evidenceExports.status, 'done'));
    for (const actor of ['anonymous', 'submitterA', 'moderator'] as const) expect(await codeOf(openExportPackage(ctx.db, actors[actor].viewer, row!.id))).not.toBe('allowed');
    const opened = await openExportPackage(ctx.db, secondAdmin, row!.id);
    let size = 0;
    for await (const chunk of opened.body) size += (chunk as Buffer).length;
    expect(size).toBe(row!.sizeBytes);
    const downloads = await ctx.db.select().from(auditEntries).where(eq(auditEntries.action, 'export.download'));
    expect(downloads.map((d) => [d.actorId, d.targetId])).toEqual([[secondAdmin.userId, row!.id]]);
    const checkpoints = await ctx.db.select().from(auditCheckpoints);
    expect(checkpoints.map((c) => c.reason)).toEqual(['export', 'export']);
    const [produced] = await ctx.db.select().from(auditEntries).where(eq(auditEntries.action, 'export.produce'));
    expect(checkpoints[1]!.headId).toBeGreaterThanOrEqual(produced!.id);
  });
});
