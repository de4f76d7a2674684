// One person's media in the mirror: the public copies their page shows, read through the public
// media rule and written once (a file shared by several persons is read once). Their pages are
// rendered by person-job.ts from the record as it is; only the media addresses are rewritten to
// the copy's own files (and an attachment the media rule would not serve to a reader is left out).
import 'server-only';
import type { Db } from '@/db/types';
import type { ExportOutput } from './output';
import { mediaFile } from './paths';
import { readPublicMedia, type PersonRecord } from './read';

export type MediaContext = {
  db: Db;
  out: ExportOutput;
  /** attachment id → its file in the copy (null: not servable), shared across persons. */
  media: Map<string, Promise<string | null>>;
};

function mediaOf(ctx: MediaContext, id: string): Promise<string | null> {
  let file = ctx.media.get(id);
  if (!file) {
    file = readPublicMedia(ctx.db, id).then(async (m) => {
      if (!m) return null;
      const name = mediaFile(id, m.filename.split('.').pop()!);
      await ctx.out.write(name, m.bytes);
      return name;
    });
    ctx.media.set(id, file);
  }
  return file;
}

/** Every attachment the record shows (portrait and testimonies' files) → its file in the copy, or null. */
export async function personMedia(ctx: MediaContext, record: PersonRecord): Promise<Record<string, string | null>> {
  const ids = [...(record.person.portrait ? [record.person.portrait.id] : []), ...record.testimonies.flatMap((t) => t.attachments.map((a) => a.id))];
  const files = await Promise.all(ids.map((id) => mediaOf(ctx, id)));
  return Object.fromEntries(ids.map((id, i) => [id, files[i]!]));
}
