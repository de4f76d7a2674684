// The bulk files as a researcher reads them, on both databases: every person's full public record
// in persons.json equals the API's single-person answer; the CSV files, read back with a standard
// CSV parser and the documented rules (lists, empty cells), give exactly the JSON files' records
// (0 mismatches), with names that begin like a formula, commas, quotes and line breaks; and the
// documented field and column names are exactly the keys and headers the files have.
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { attachments, personAliases, persons, personSources, testimonies } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony, insertUser } from '@/lib/testing/public-fixtures';
import { bulkMeta } from './citation';
import { documentedFields } from './documentation';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('@/db/client', async (original) => ({
  ...(await original<typeof import('@/db/client')>()),
  getDb: async () => state.db,
}));

const origin = 'http://localhost:3000';
const call = async (load: () => Promise<unknown>, path: string, params: Record<string, string> = {}) => {
  const mod = (await load()) as { GET: (r: Request, c: unknown) => Promise<Response> | Response };
  return mod.GET(new Request(origin + path), { params: Promise.resolve(params) });
};
const personsCsv = () => call(() => import('@/app/api/v1/persons.csv/route'), '/api/v1/persons.csv');
const personsJson = () => call(() => import('@/app/api/v1/persons.json/route'), '/api/v1/persons.json');
const testimoniesCsv = () => call(() => import('@/app/api/v1/testimonies.csv/route'), '/api/v1/testimonies.csv');
const testimoniesJson = () => call(() => import('@/app/api/v1/testimonies.json/route'), '/api/v1/testimonies.json');
const retractedCsv = () => call(() => import('@/app/api/v1/retracted.csv/route'), '/api/v1/retracted.csv');
const retracted = () => call(() => import('@/app/api/v1/retracted/route'), '/api/v1/retracted');
const onePerson = (id: string) => call(() => import('@/app/api/v1/persons/[id]/route'), `/api/v1/persons/${id}`, { id });

type Row = Record<string, string>;
const readCsv = async (res: Response): Promise<{ header: string[]; rows: Row[] }> => {
  const text = await res.text();
  const header = (parse(text, { bom: true, to_line: 1 }) as string[][])[0]!;
  return { header, rows: parse(text, { bom: true, columns: true, relax_quotes: false }) as Row[] };
};

// The documented reading rules (data page, csvListsNote): an empty cell is null; lists of ids,
// codes and URLs are space-separated; lists of names, titles and captions are JSON arrays; a cell
// the formula guard neutralised starts with an apostrophe that is not part of the value.
const text = (v: string | undefined) => (v === undefined || v === '' ? null : v.startsWith("'") && /^'[=+\-@\p{Cc}\p{Cf}\p{Zs}]/u.test(v) ? v.slice(1) : v);
const int = (v: string | undefined) => (v ? Number(v) : null);
const spaced = (v: string | undefined) => (v ? v.split(' ') : []);
const json = (v: string | undefined): unknown[] => (v ? (JSON.parse(v) as unknown[]) : []);
const path = (url: string | null) => (url === null ? null : url.slice(origin.length));

function personFromCsv(r: Row) {
  const sourceUrls = json(r.source_urls) as string[];
  const sourceTitles = json(r.source_titles) as (string | null)[];
  return {
    id: r.id,
    slug: text(r.slug),
    collectionSlug: text(r.collection),
    nameFa: text(r.name_fa),
    nameLatin: text(r.name_latin),
    gender: r.gender,
    age: int(r.age),
    incidentDate: text(r.incident_date),
    incidentDatePrecision: text(r.incident_date_precision),
    province: text(r.province_code),
    city: text(r.city),
    outcome: r.outcome,
    perpetrator: r.perpetrator,
    verification: r.verification,
    publishedAt: text(r.published_at),
    collection: { slug: text(r.collection), nameFa: text(r.collection_name_fa), nameEn: text(r.collection_name_en) },
    fatherNameFa: text(r.father_name_fa),
    fatherNameLatin: text(r.father_name_latin),
    otherNames: json(r.other_names),
    birthYear: int(r.birth_year),
    occupation: text(r.occupation),
    place: text(r.place),
    cause: text(r.cause),
    aftermath: spaced(r.aftermath),
    sensitiveContent: r.sensitive_content === 'true',
    portrait: r.portrait_id ? { id: r.portrait_id, src: path(text(r.portrait_url)), caption: text(r.portrait_caption) } : null,
    sources: sourceUrls.map((url, i) => ({ url, title: sourceTitles[i] ?? null })),
    testimonyCount: int(r.testimony_count),
    updatedAt: text(r.updated_at),
    urls: { fa: text(r.url_fa), en: text(r.url_en) },
  };
}

function testimonyFromCsv(r: Row) {
  const kind = r.credit_kind;
  const year = int(r.credit_year);
  const yearSolarHijri = int(r.credit_year_solar_hijri);
  const ids = spaced(r.attachment_ids);
  const urls = spaced(r.attachment_urls);
  const kinds = spaced(r.attachment_kinds);
  const mimes = spaced(r.attachment_mime_types);
  const captions = json(r.attachment_captions) as (string | null)[];
  return {
    id: r.id,
    personIds: spaced(r.person_ids),
    language: r.language,
    hand: r.hand,
    credit: kind === 'anonymous' ? { kind } : kind === 'relationship' ? { kind, relationship: r.credit_relationship, year, yearSolarHijri } : { kind, name: text(r.credit_name), year, yearSolarHijri },
    narrative: r.narrative === undefined ? null : (text(r.narrative) ?? ''),
    eventDate: text(r.event_date),
    eventDatePrecision: text(r.event_date_precision),
    place: text(r.place),
    attachments: ids.map((id, i) => ({ id, src: path(urls[i]!), caption: captions[i] ?? null, kind: kinds[i], mime: mimes[i] })),
    publishedAt: text(r.published_at),
  };
}

/** How many records differ between the CSV read back and the JSON file (by id), with the first differences. */
function mismatches<T extends { id: string }>(fromCsv: T[], fromJson: T[]) {
  const byId = new Map(fromJson.map((x) => [x.id, x]));
  const diffs = fromCsv.filter((x) => JSON.stringify(x) !== JSON.stringify(byId.get(x.id)));
  return { count: diffs.length + Math.abs(fromCsv.length - fromJson.length), first: diffs.slice(0, 2).map((x) => [x, byId.get(x.id)]) };
}

const keyOrder = <T extends object>(shape: T, value: Record<string, unknown>) => Object.fromEntries(Object.keys(shape).map((k) => [k, value[k]]));

describe.each(testDatabases())('bulk files on $name', (target) => {
  const ctx = useTestDatabase(target);
  const tricky = ['-Arash', '+Reza', '-', '=cmd|\' /C calc\'!A0', '@SUM(1+1)', 'Ali, "the tall"', 'آرش نمونه‌زاده (نمونه)', '-2+3'];
  let merged = '';

  beforeAll(async () => {
    state.db = ctx.db;
    const collectionId = await insertCollection(ctx.db);
    const submitterId = await insertUser(ctx.db);
    const made: string[] = [];
    for (const [i, name] of tricky.entries()) {
      const p = await insertPerson(ctx.db, {
        collectionId,
        nameLatin: name,
        nameFa: i % 2 ? `${name} فارسی` : 'نام',
        fatherNameFa: i % 3 ? null : 'پدر',
        fatherNameLatin: i % 3 ? null : '-Hassan',
        birthYear: 1990 + i,
        age: 20 + i,
        occupation: i % 2 ? 'Worker, "day" labourer' : null,
        city: i === 2 ? '-' : 'Tehran',
        province: 'IR-23',
        place: 'Line one\nline two',
        cause: '=Shot',
        aftermath: i % 2 ? ['body_withheld', 'family_threatened'] : [],
        sensitiveContent: i % 2 === 0,
        incidentDate: '2019-11-16',
        incidentDatePrecision: 'exact',
      });
      made.push(p.id);
      await ctx.db.insert(personAliases).values([
        { personId: p.id, name: `${name} alias, one`, script: 'latin', normalized: `alias ${i}` },
        { personId: p.id, name: '+"quoted" | alias', script: 'latin', normalized: `quoted ${i}` },
      ]);
      await ctx.db.insert(personSources).values([
        { personId: p.id, url: `https://news.example/${i}?a=1,2`, title: i % 2 ? null : 'A "report", with commas' },
        { personId: p.id, url: 'https://other.example/x', title: '-dash title' },
      ]);
      await insertTestimony(ctx.db, { collectionId, submitterId, personIds: [p.id], status: 'published', redacted: `-First line, "quoted"\n\nSecond ${name}`, consentCredit: i % 2 ? 'relationship' : 'anonymous' });
    }
    // A testimony about two persons, with a public file and a consented portrait; the files show the
    // moderator's caption for readers, never the submitter's own.
    const both = await insertTestimony(ctx.db, { collectionId, submitterId, personIds: [made[0]!, made[1]!], status: 'published', redacted: '=HYPERLINK("x")', consentCredit: 'chosen_name', creditName: '-Maryam' });
    const [file] = await ctx.db
      .insert(attachments)
      .values({ testimonyId: both, kind: 'image', mime: 'image/jpeg', publicMime: 'image/jpeg', sizeBytes: 10, sha256: 'x', originalKey: 'o', publicKey: 'public/y.jpg', status: 'ready', metadataRemoved: true, visibility: 'public', caption: 'The submitter\'s own caption', publicCaption: '-A caption, "quoted"' })
      .returning({ id: attachments.id });
    await ctx.db.update(testimonies).set({ portraitPublic: true }).where(eq(testimonies.id, both));
    await ctx.db.update(persons).set({ portraitAttachmentId: file!.id }).where(eq(persons.id, made[0]!));
    // Not public: never in the files, listed as retracted only once it had been public.
    await insertPerson(ctx.db, { collectionId, status: 'draft', nameLatin: 'SECRET draft' });
    merged = (await insertPerson(ctx.db, { collectionId, nameLatin: 'Merged duplicate', mergedIntoId: made[0] })).id;
  });

  it('persons.json holds every public person exactly as the API gives one', async () => {
    const body = await (await personsJson()).json();
    expect(Object.keys(body).sort()).toEqual(['citation', 'generatedAt', 'licence', 'persons', 'retracted', 'source']);
    expect(body.citation).toBe(bulkMeta(origin).citation);
    expect(body.persons).toHaveLength(tricky.length);
    for (const p of body.persons) {
      const api = await (await onePerson(p.id)).json();
      expect(p).toEqual(api.data);
    }
    const first = body.persons.find((p: { nameLatin: string }) => p.nameLatin === '-Arash');
    expect(first).toMatchObject({ fatherNameFa: 'پدر', birthYear: 1990, cause: '=Shot', otherNames: expect.arrayContaining(['-Arash alias, one']), sources: expect.any(Array), portrait: expect.objectContaining({ caption: '-A caption, "quoted"' }) });
    expect(JSON.stringify(body)).not.toContain('SECRET');
    expect(JSON.stringify(body)).not.toContain("submitter's own caption");
  });

  it('persons.csv reads back as persons.json: 0 mismatches', async () => {
    const [{ rows }, body] = await Promise.all([readCsv(await personsCsv()), personsJson().then((r) => r.json())]);
    const fromJson = body.persons as Array<Record<string, unknown> & { id: string }>;
    const fromCsv = rows.map(personFromCsv).map((p) => keyOrder(fromJson[0]!, p) as { id: string });
    const result = mismatches(fromCsv, fromJson.map((p) => keyOrder(fromJson[0]!, p) as { id: string }));
    expect(result.first).toEqual([]);
    expect(result.count).toBe(0);
    // The formula guard neutralised only what a spreadsheet would run.
    const raw = await (await personsCsv()).text();
    expect(raw).toContain(',-Arash,');
    expect(raw).toContain(",'=cmd|' /C calc'!A0,");
    expect(raw).toContain(",'=Shot,");
  });

  it('testimonies.csv reads back as testimonies.json: 0 mismatches', async () => {
    const [{ rows }, body] = await Promise.all([readCsv(await testimoniesCsv()), testimoniesJson().then((r) => r.json())]);
    const fromJson = body.testimonies as Array<Record<string, unknown> & { id: string }>;
    expect(fromJson.length).toBe(tricky.length + 1);
    expect(fromJson.some((t) => (t.attachments as unknown[]).length === 1)).toBe(true);
    const fromCsv = rows.map(testimonyFromCsv).map((t) => keyOrder(fromJson[0]!, t) as { id: string });
    const result = mismatches(fromCsv, fromJson.map((t) => keyOrder(fromJson[0]!, t) as { id: string }));
    expect(result.first).toEqual([]);
    expect(result.count).toBe(0);
  });

  it('documents exactly the keys and columns the files have', async () => {
    const [persons_, testimonies_, personsHeader, testimoniesHeader, retractedBody, retractedHeader] = await Promise.all([
      personsJson().then((r) => r.json()),
      testimoniesJson().then((r) => r.json()),
      personsCsv().then(readCsv),
      testimoniesCsv().then(readCsv),
      retracted().then((r) => r.json()),
      retractedCsv().then(readCsv),
    ]);
    const keys = (kind: keyof typeof documentedFields) => documentedFields[kind].map((f) => f.key).sort();
    const columns = (kind: keyof typeof documentedFields) => documentedFields[kind].flatMap((f) => f.csv).sort();
    for (const p of persons_.persons) expect(Object.keys(p).sort()).toEqual(keys('person'));
    for (const t of testimonies_.testimonies) expect(Object.keys(t).sort()).toEqual(keys('testimony'));
    expect(retractedBody.data.map((r: { id: string }) => r.id)).toContain(merged);
    for (const r of retractedBody.data) expect(Object.keys(r).sort()).toEqual(keys('retraction'));
    expect([...personsHeader.header].sort()).toEqual(columns('person'));
    expect([...testimoniesHeader.header].sort()).toEqual(columns('testimony'));
    expect([...retractedHeader.header].sort()).toEqual(columns('retraction'));
    const fileKeys = new Set([...Object.keys(persons_), ...Object.keys(testimonies_), ...Object.keys(retractedBody)]);
    expect([...fileKeys].sort()).toEqual(keys('file'));
  });
});
