// One person's files in the mirror: their page in each language and the public media it shows.
// The record is the public projection as it is; only the media addresses are rewritten to the
// copy's own files (and an attachment the media rule would not serve to a reader is left out).
import 'server-only';
import { createElement } from 'react';
import type { PersonT } from '@/components/memorial/person-facts';
import { MirrorPersonPage } from '@/components/mirror/person-page';
import type { MirrorPage } from '@/components/mirror/shell';
import type { Db } from '@/db/types';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicAttachment, PublicImage } from '@/lib/memorial/dto';
import { personPath } from '@/lib/memorial/paths';
import type { ExportOutput } from './output';
import { mediaFile, mirrorLocales, personFile, rel } from './paths';
import { readPublicMedia, type PersonRecord } from './read';
import { renderDocument } from './render';

export type PersonPageContext = {
  db: Db;
  out: ExportOutput;
  origin: string;
  madeOn: Record<Locale, string>;
  t: Record<Locale, PersonT>;
  /** attachment id → its file in the copy (null: not servable), shared across persons. */
  media: Map<string, Promise<string | null>>;
};

function mediaOf(ctx: PersonPageContext, id: string): Promise<string | null> {
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

/** Writes the person's pages; returns every file they use (for the incremental state). */
export async function writePersonFiles(ctx: PersonPageContext, record: PersonRecord): Promise<string[]> {
  const { person } = record;
  const files: string[] = [];
  const local = async <T extends PublicImage | PublicAttachment>(a: T, from: string): Promise<T | null> => {
    const file = await mediaOf(ctx, a.id);
    if (!file) return null;
    files.push(file);
    return { ...a, src: rel(from, file) };
  };
  for (const locale of mirrorLocales) {
    const file = personFile(locale, person);
    const other = personFile(locale === 'fa' ? 'en' : 'fa', person);
    const portrait = person.portrait ? await local(person.portrait, file) : null;
    const testimonies = await Promise.all(
      record.testimonies.map(async (t) => ({
        ...t,
        attachments: (await Promise.all(t.attachments.map((a) => local(a, file)))).filter((a): a is PublicAttachment => a !== null),
      })),
    );
    const page: MirrorPage = { locale, file, other, madeOn: ctx.madeOn[locale] };
    const html = renderDocument(
      createElement(MirrorPersonPage, { page, person: { ...person, portrait }, testimonies, origin: ctx.origin, liveUrl: ctx.origin + personPath(locale, person), t: ctx.t[locale] }),
    );
    await ctx.out.write(file, html);
    files.push(file);
  }
  return [...new Set(files)];
}
