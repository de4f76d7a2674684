// Produces an approved export (issue 23 §1) as a job: a BagIt bag written as a tar stream, piped
// through age's streaming encryption to the recipient's key, into the media store under
// `exports/`. Nothing is ever whole in memory: originals are opened (decrypted) to a temporary file
// while their SHA-256 is recomputed, then streamed into the tar; the age stream encrypts 64 KiB
// chunks as the tar produces them. Before: a signed checkpoint the bag refers to; after: the export's
// audit entry holding the manifest's hash, and another checkpoint that covers it.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Encrypter } from 'age-encryption';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { attachments, auditEntries, evidenceExports, messages, personAliases, persons, personSources, testimonies, testimonyPersons, testimonyRevisions, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { appendAudit } from '../audit/append';
import { makeCheckpoint, publicKeyBase64, signingKey } from '../audit/checkpoint';
import { openText } from '../crypto/sealed-text';
import { env } from '../env.mjs';
import { openOriginal } from '../media/original-key';
import { mediaStore, newKey } from '../media/storage';
import { wordDiff } from '../moderation/word-diff';
import { openField, openNarrative, testimonyKey } from '../testimonies/sealed';
import { BagWriter } from './bag';

const extension = (mime: string) => mime.split('/')[1]?.replace('jpeg', 'jpg').replace('quicktime', 'mov').replace(/[^a-z0-9]/g, '').slice(0, 5) || 'bin';

type Custody = { attachmentId: string; sizeAtReceipt: number; sha256AtReceipt: string; sha256Now: string | null; matches: boolean; problem: string | null };

/** Decrypts a stored original to `file`, hashing the bytes as they pass. */
async function openToFile(row: typeof attachments.$inferSelect, file: string): Promise<{ sha256: string; size: number }> {
  const store = await mediaStore();
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(await store.getStream(row.originalKey!), openOriginal(row), tap, createWriteStream(file, { mode: 0o600 }));
  return { sha256: hash.digest('hex'), size };
}

async function copyToFile(key: string, file: string): Promise<void> {
  await pipeline(await (await mediaStore()).getStream(key), createWriteStream(file, { mode: 0o600 }));
}

/** Writes every selected record into the bag. Returns the originals' custody lines. */
async function writePayload(db: Db, bag: BagWriter, row: typeof evidenceExports.$inferSelect, tmp: string): Promise<Custody[]> {
  const custodyAll: Custody[] = [];
  const personIds = new Set(row.personIds);
  for (const testimonyId of row.testimonyIds) {
    const [t] = await db.select().from(testimonies).where(eq(testimonies.id, testimonyId));
    if (!t) continue; // deleted since the request (retention): the bag says which are missing
    const key = testimonyKey(t);
    const dir = `testimonies/${t.id}`;
    const linked = await db.select({ personId: testimonyPersons.personId }).from(testimonyPersons).where(eq(testimonyPersons.testimonyId, t.id));
    for (const l of linked) personIds.add(l.personId);
    await bag.addJson(`${dir}/testimony.json`, {
      id: t.id,
      collectionId: t.collectionId,
      status: t.status,
      language: t.language,
      personIds: linked.map((l) => l.personId),
      submittedAt: t.submittedAt,
      publishedAt: t.publishedAt,
      currentRevisionId: t.currentRevisionId,
      publishedRevisionId: t.publishedRevisionId,
      consent: {
        publish: t.consentPublish,
        credit: t.consentCredit,
        creditName: openField(key, 'creditName', { encrypted: t.creditNameEncrypted, plain: t.creditName }),
        portraitPublic: t.portraitPublic,
        exactPlacePublic: t.exactPlacePublic,
        mayContact: t.mayContact,
      },
    });
    const revisions = await db.select().from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, t.id)).orderBy(asc(testimonyRevisions.number));
    const revisionMeta = [];
    for (const r of revisions) {
      const narrative = openNarrative(key, r.narrative);
      await bag.addText(`${dir}/revisions/${r.number}-narrative.txt`, narrative);
      revisionMeta.push({ id: r.id, number: r.number, createdAt: r.createdAt, createdBy: r.createdBy, relationship: r.relationship, hand: r.hand, eventDate: r.eventDate, eventDatePrecision: r.eventDatePrecision, eventPlace: openField(key, 'eventPlace', { encrypted: r.eventPlaceEncrypted, plain: r.eventPlace }), published: r.id === t.publishedRevisionId });
      if (r.redactedNarrative !== null) {
        await bag.addText(`${dir}/revisions/${r.number}-published-redacted.txt`, r.redactedNarrative);
        // The redactions applied: what was removed from and added to the submitted text, in order.
        const changes = wordDiff(narrative, r.redactedNarrative).filter((p) => p.kind !== 'same');
        await bag.addJson(`${dir}/revisions/${r.number}-redactions.json`, { redactionVersion: r.redactionVersion, changes });
      }
    }
    await bag.addJson(`${dir}/revisions.json`, revisionMeta);

    const files = await db.select().from(attachments).where(eq(attachments.testimonyId, t.id)).orderBy(asc(attachments.createdAt), asc(attachments.id));
    const custody: Custody[] = [];
    const fileMeta = [];
    for (const a of files) {
      fileMeta.push({ id: a.id, kind: a.kind, mime: a.mime, sizeBytes: a.sizeBytes, sha256AtReceipt: a.sha256, receivedAt: a.createdAt, uploadedBy: a.uploadedBy, caption: a.caption, publicCaption: a.publicCaption, visibility: a.visibility, metadataRemoved: a.metadataRemoved, originalKept: a.originalKey !== null, publicMime: a.publicMime });
      if (a.originalKey) {
        const file = path.join(tmp, `${a.id}.original`);
        let line: Custody;
        try {
          const now = await openToFile(a, file);
          line = { attachmentId: a.id, sizeAtReceipt: a.sizeBytes, sha256AtReceipt: a.sha256, sha256Now: now.sha256, matches: now.sha256 === a.sha256 && now.size === a.sizeBytes, problem: now.sha256 === a.sha256 ? null : 'the bytes stored now differ from those received' };
          await bag.addFile(`${dir}/originals/${a.id}.${extension(a.mime)}`, file, now.sha256);
        } catch (error) {
          // A sealed original that no longer opens (altered, or its key lost): reported, never hidden.
          line = { attachmentId: a.id, sizeAtReceipt: a.sizeBytes, sha256AtReceipt: a.sha256, sha256Now: null, matches: false, problem: `the stored original cannot be opened (${error instanceof Error ? error.message.slice(0, 80) : 'error'})` };
        } finally {
          await rm(file, { force: true });
        }
        custody.push(line);
      }
      if (a.publicKey && a.publicMime) {
        const file = path.join(tmp, `${a.id}.public`);
        try {
          await copyToFile(a.publicKey, file);
          await bag.addFile(`${dir}/public-copies/${a.id}.${extension(a.publicMime)}`, file);
        } finally {
          await rm(file, { force: true });
        }
      }
    }
    await bag.addJson(`${dir}/files.json`, fileMeta);
    await bag.addJson(`${dir}/custody.json`, { checkedAt: new Date().toISOString(), originals: custody });
    custodyAll.push(...custody);

    if (row.includeMessages) {
      const thread = await db.select().from(messages).where(eq(messages.testimonyId, t.id)).orderBy(asc(messages.createdAt), asc(messages.id));
      await bag.addJson(
        `${dir}/messages.json`,
        thread.map((m) => ({ id: m.id, from: m.authorId === t.submitterId ? 'submitter' : 'staff', authorId: m.authorId === t.submitterId ? null : m.authorId, createdAt: m.createdAt, readAt: m.readAt, body: openText('message', m) })),
      );
    }
  }

  for (const personId of [...personIds].sort()) {
    const [p] = await db.select().from(persons).where(eq(persons.id, personId));
    if (!p) continue;
    const { nameSearch: _search, ...record } = p as typeof p & { nameSearch?: unknown };
    const sources = await db.select().from(personSources).where(eq(personSources.personId, p.id)).orderBy(asc(personSources.createdAt));
    const aliases = await db.select().from(personAliases).where(eq(personAliases.personId, p.id));
    await bag.addJson(`persons/${p.id}/person.json`, { ...record, aliases, sources });
  }
  return custodyAll;
}

/** The audit entries about the exported records, with the hashes that chain them (JSON lines). */
async function writeAudit(db: Db, bag: BagWriter, ids: string[], tmp: string): Promise<void> {
  const file = path.join(tmp, 'audit.jsonl');
  const out = createWriteStream(file, { mode: 0o600 });
  for (let i = 0; i < ids.length; i += 1000) {
    const slice = ids.slice(i, i + 1000);
    const rows = await db.select().from(auditEntries).where(inArray(auditEntries.targetId, slice)).orderBy(asc(auditEntries.id));
    for (const r of rows) {
      if (!out.write(`${JSON.stringify({ id: r.id, createdAt: r.createdAt.toISOString(), actorId: r.actorId, action: r.action, targetType: r.targetType, targetId: r.targetId, details: r.details, prevHash: r.prevHash, hash: r.hash })}\n`)) {
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await bag.addFile('audit/entries.jsonl', file);
  await rm(file, { force: true });
}

export type ProduceOutcome = { status: 'done'; fileKey: string; manifestSha256: string; mismatches: number } | { status: 'skipped'; reason: string };

/**
 * Produces the package of an approved export. Anything else (awaiting approval, declined, done)
 * produces nothing: the four-eyes rule holds even if a job or a caller asks early.
 */
export async function produceExport(db: Db, exportId: string): Promise<ProduceOutcome> {
  const [row] = await db.select().from(evidenceExports).where(eq(evidenceExports.id, exportId));
  if (!row) return { status: 'skipped', reason: 'not_found' };
  if (row.status !== 'approved') return { status: 'skipped', reason: row.status };
  const names = new Map(
    (await db.select({ id: users.id, username: users.username }).from(users).where(or(eq(users.id, row.requestedBy ?? row.id), eq(users.id, row.approvedBy ?? row.id)))).map((u) => [u.id, u.username]),
  );
  const checkpoint = await makeCheckpoint(db, 'export');
  const store = await mediaStore();
  const fileKey = newKey('exports', 'age');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'yadman-export-'));
  const tar = new PassThrough({ highWaterMark: 1 << 20 });
  const encrypter = new Encrypter();
  encrypter.addRecipient(row.recipientKey);
  const encrypted = await encrypter.encrypt(Readable.toWeb(tar) as unknown as ReadableStream<Uint8Array>);
  let size = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(null, chunk);
    },
  });
  const ciphertext = Readable.fromWeb(encrypted as unknown as WebReadableStream<Uint8Array>);
  // pipe() does not forward errors: a failed encryption must fail the store's write too.
  ciphertext.once('error', (error) => counted.destroy(error));
  const stored = store.put(fileKey, ciphertext.pipe(counted));
  const bagName = `yadman-export-${row.id}`;
  const bag = new BagWriter(tar, bagName);
  let result;
  let custody: Custody[];
  try {
    custody = await writePayload(db, bag, row, tmp);
    const fileIds = (await db.select({ id: attachments.id }).from(attachments).where(inArray(attachments.testimonyId, row.testimonyIds.length ? row.testimonyIds : [row.id]))).map((a) => a.id);
    await writeAudit(db, bag, [...row.testimonyIds, ...row.personIds, ...fileIds, row.id], tmp);
    const publicKey = publicKeyBase64(signingKey());
    await bag.addJson('checkpoint.json', { publicKey, checkpoints: checkpoint ? [checkpoint] : [] });
    const mismatches = custody.filter((c) => !c.matches).length;
    result = await bag.finish([
      ['Source-Organization', `Yadman at ${env().AUTH_URL ? new URL(env().AUTH_URL!).host : 'localhost'}`],
      ['External-Identifier', `yadman-export:${row.id}`],
      ['External-Description', `Evidence export for ${row.recipientName}: ${row.testimonyIds.length} testimonies, persons, audit entries with chain hashes`],
      ['Yadman-Exported-By', names.get(row.requestedBy ?? '') ?? 'deleted account'],
      ['Yadman-Approved-By', row.approvedBy ? (names.get(row.approvedBy) ?? 'deleted account') : 'none (four-eyes off)'],
      ['Yadman-Requested-At', row.createdAt.toISOString()],
      ['Yadman-Produced-At', new Date().toISOString()],
      ['Yadman-Audit-Checkpoint', checkpoint ? `${checkpoint.id} entries=${checkpoint.entries} head=${checkpoint.headHash} key=${checkpoint.keyId} at=${checkpoint.createdAt}` : 'none (empty audit log)'],
      ['Yadman-Originals-Checked', String(custody.length)],
      ['Yadman-Originals-Mismatched', String(mismatches)],
    ]);
    await stored;
  } catch (error) {
    tar.destroy(error as Error);
    await stored.catch(() => {});
    await store.delete(fileKey).catch(() => {});
    await db.update(evidenceExports).set({ status: 'failed', error: error instanceof Error ? error.name : 'error' }).where(eq(evidenceExports.id, row.id));
    throw error;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const mismatches = custody.filter((c) => !c.matches).length;
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ status: evidenceExports.status }).from(evidenceExports).where(and(eq(evidenceExports.id, row.id), eq(evidenceExports.status, 'approved'))).for('update');
    if (!current) throw new Error('export changed while produced');
    await tx
      .update(evidenceExports)
      .set({ status: 'done', fileKey, sizeBytes: size, manifestSha256: result.manifestSha256, checkpointId: checkpoint?.id ?? null, mismatches, completedAt: new Date() })
      .where(eq(evidenceExports.id, row.id));
    await appendAudit(tx, {
      actorId: row.approvedBy ?? row.requestedBy,
      action: 'export.produce',
      targetType: 'evidence_export',
      targetId: row.id,
      details: { manifestSha256: result.manifestSha256, payloadFiles: result.payloadFiles, payloadBytes: result.payloadBytes, testimonies: row.testimonyIds.length, originalsMismatched: mismatches, checkpointId: checkpoint?.id ?? null },
    });
  });
  await makeCheckpoint(db, 'export');
  return { status: 'done', fileKey, manifestSha256: result.manifestSha256, mismatches };
}
