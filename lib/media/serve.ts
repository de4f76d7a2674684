// Who may fetch which bytes of an attachment (the rule behind app/api/media/[id]/route.ts):
// - anyone: the metadata-free derivative, only when the attachment is public AND its testimony is
//   in the public projection (lib/memorial/visibility.ts: published, consented, about a public person);
// - the submitter: the derivative of their own testimony's files;
// - staff with testimony.read.any: the derivative, or, when none could be made (flagged files),
//   the sealed original opened for them.
// Anything else is null, which the route answers with the same 404 as an unknown id.
import 'server-only';
import { pipeline, type Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { attachments, testimonies } from '@/db/schema';
import { recordView } from '@/lib/audit/views';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/viewer';
import { requirePermission } from '@/lib/authz/guard';
import { isPublicTestimony, testimonyHasPublicPerson } from '@/lib/memorial/visibility';
import { isUuid } from '@/lib/validation/uuid';
import { openOriginal } from './original-key';
import { mediaStore } from './storage';

export type ServableMedia = {
  body: Readable | Buffer;
  mime: string;
  /** Public responses may be cached briefly; all others are no-store. */
  isPublic: boolean;
  filename: string;
};

function isStaff(viewer: Viewer | null): boolean {
  try {
    requirePermission(viewer, 'testimony.read.any');
    return true;
  } catch {
    return false;
  }
}

async function isInPublicProjection(db: Db, testimonyId: string): Promise<boolean> {
  const rows = await db
    .select({ id: testimonies.id })
    .from(testimonies)
    .where(and(eq(testimonies.id, testimonyId), isPublicTestimony, testimonyHasPublicPerson));
  return rows.length > 0;
}

export async function findServableMedia(db: Db, viewer: Viewer | null, id: string): Promise<ServableMedia | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ attachment: attachments, submitterId: testimonies.submitterId })
    .from(attachments)
    .innerJoin(testimonies, eq(testimonies.id, attachments.testimonyId))
    .where(eq(attachments.id, id));
  if (!row) return null;
  const a = row.attachment;
  const store = await mediaStore();
  const derivative = a.publicKey && a.publicMime && a.metadataRemoved ? { key: a.publicKey, mime: a.publicMime } : null;
  const filename = (mime: string) => `${a.id}.${mime.split('/')[1]!.replace('jpeg', 'jpg').replace('quicktime', 'mov')}`;

  if (derivative && a.visibility === 'public' && (await isInPublicProjection(db, a.testimonyId!))) {
    return { body: await store.getStream(derivative.key), mime: derivative.mime, isPublic: true, filename: filename(derivative.mime) };
  }
  const own = viewer !== null && viewer.userId === row.submitterId && isOwnReader(viewer);
  const staff = isStaff(viewer);
  if (!own && !staff) return null;
  // Staff opening a file that is not public is a view of protected material (PRODUCT.md §2.7); the
  // submitter's own files are not. Recorded before any byte is sent, never the file's name or content.
  const recordStaffView = (kind: 'original' | 'file') =>
    own ? Promise.resolve() : recordView(db, { actorId: viewer!.userId, kind, targetType: 'attachment', targetId: a.id, details: { testimonyId: a.testimonyId!, kind: a.kind } });
  if (derivative) {
    await recordStaffView('file');
    return { body: await store.getStream(derivative.key), mime: derivative.mime, isPublic: false, filename: filename(derivative.mime) };
  }
  // No metadata-free copy exists (no ffmpeg, PDF): only staff may see the original, to review it.
  if (staff && a.originalKey && a.status === 'ready') {
    await recordStaffView('original');
    // Streamed: a tampered file fails at its end (GCM tag), which aborts the response.
    const opened = pipeline(await store.getStream(a.originalKey), openOriginal(a), () => {});
    return { body: opened, mime: a.mime, isPublic: false, filename: filename(a.mime) };
  }
  return null;
}

function isOwnReader(viewer: Viewer): boolean {
  try {
    requirePermission(viewer, 'testimony.read.own');
    return true;
  } catch {
    return false;
  }
}
