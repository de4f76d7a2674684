// The CPU-bound part of exporting one person, from their public record (plain JSON): both pages
// rendered, hashed and written when their bytes changed, the record's hash, and their rows of the
// bulk downloads. Also a browse list page, from the person summaries it lists. Runs in the export's own thread or in a worker thread (render-pool.ts), with
// the same result; nothing here reads the database or decides what is public.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createElement } from 'react';
import type { PersonT } from '@/components/memorial/person-facts';
import { MirrorBrowsePage, type BrowsePageProps } from '@/components/mirror/browse-pages';
import { MirrorPersonPage } from '@/components/mirror/person-page';
import type { MirrorPage } from '@/components/mirror/shell';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicAttachment, PublicImage } from '@/lib/memorial/dto';
import { personPath } from '@/lib/memorial/paths';
import { namespaceTranslator } from '@/lib/open-data/translator';
import type { FileEntry } from './output';
import { mirrorLocales, personFile, rel } from './paths';
import type { PersonRecord } from './read';
import { renderDocument } from './render';
import { openDataRows, type OpenDataRows } from './open-data';

/** What every person's job shares: where the copy is, the live site's address, the date line. */
export type PersonJobContext = { root: string; origin: string; madeOn: Record<Locale, string> };

export type PersonJob = {
  record: PersonRecord;
  /** Attachment id → its file in the copy (null: not served to readers, left out). */
  media: Record<string, string | null>;
  /** The previous export's entries of this person's pages (unchanged bytes are not written again). */
  previous: Record<string, FileEntry>;
};

export type PersonJobResult = {
  id: string;
  hash: string;
  /** Every file the person's pages use (their pages and media), for the incremental state. */
  files: string[];
  /** The pages: file → size and SHA-256, and whether it was written. */
  pages: Array<[file: string, entry: FileEntry, written: boolean]>;
  /** Their rows of the bulk downloads (persons and testimonies). */
  rows: OpenDataRows;
};

/** A browse list page (lib/mirror/site-pages.ts) to render and write: its props are plain JSON too. */
export type BrowseJob = { page: MirrorPage; props: BrowsePageProps; previous: FileEntry | null };
export type PageResult = { file: string; entry: FileEntry; written: boolean };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** One thread's writer: folders made once, files written only when their bytes changed. */
export class PageWriter {
  private readonly dirs = new Set<string>();
  private readonly t = {} as Record<Locale, PersonT>;

  constructor(readonly ctx: PersonJobContext) {
    for (const locale of mirrorLocales) this.t[locale] = namespaceTranslator(locale, 'Person') as unknown as PersonT;
  }

  private async write(file: string, bytes: Buffer, previous: FileEntry | undefined): Promise<[FileEntry, boolean]> {
    const entry = { size: bytes.length, sha256: sha256(bytes) };
    if (previous && previous.sha256 === entry.sha256 && previous.size === entry.size) return [entry, false];
    const full = path.join(this.ctx.root, file);
    const dir = path.dirname(full);
    if (!this.dirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      this.dirs.add(dir);
    }
    await fs.writeFile(full, bytes);
    return [entry, true];
  }

  async browse(job: BrowseJob): Promise<PageResult> {
    const html = renderDocument(createElement(MirrorBrowsePage, { page: job.page, ...job.props }));
    const [entry, written] = await this.write(job.page.file, Buffer.from(html), job.previous ?? undefined);
    return { file: job.page.file, entry, written };
  }

  async run(job: PersonJob): Promise<PersonJobResult> {
    const { record, media } = job;
    const { person } = record;
    const files: string[] = [];
    const pages: PersonJobResult['pages'] = [];
    const local = <T extends PublicImage | PublicAttachment>(a: T, from: string): T | null => {
      const file = media[a.id];
      if (!file) return null;
      files.push(file);
      return { ...a, src: rel(from, file) };
    };
    for (const locale of mirrorLocales) {
      const file = personFile(locale, person);
      const other = personFile(locale === 'fa' ? 'en' : 'fa', person);
      const portrait = person.portrait ? local(person.portrait, file) : null;
      const testimonies = record.testimonies.map((t) => ({
        ...t,
        attachments: t.attachments.map((a) => local(a, file)).filter((a): a is PublicAttachment => a !== null),
      }));
      const page: MirrorPage = { locale, file, other, madeOn: this.ctx.madeOn[locale] };
      const html = renderDocument(
        createElement(MirrorPersonPage, { page, person: { ...person, portrait }, testimonies, origin: this.ctx.origin, liveUrl: this.ctx.origin + personPath(locale, person), t: this.t[locale] }),
      );
      const [entry, written] = await this.write(file, Buffer.from(html), job.previous[file]);
      pages.push([file, entry, written]);
      files.push(file);
    }
    return { id: person.id, hash: sha256(JSON.stringify(record)), files: [...new Set(files)], pages, rows: openDataRows(person, record.testimonies, this.ctx.origin) };
  }
}
