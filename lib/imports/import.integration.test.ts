import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, importBatches, personSources, persons } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { listStaffPersons } from '@/lib/persons';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { codeOf } from '@/lib/testing/outcome';
import { insertCollection, insertPerson } from '@/lib/testing/public-fixtures';
import { nameSearchText } from '@/lib/search/normalize';
import { createImportBatch, discardImport, getImportBatch, saveImportMapping } from './batches';
import { commitImport, dryRunImport, leftOutRows } from './run';

const bytes = (text: string) => new TextEncoder().encode(text);

// What a human-rights group's spreadsheet looks like: a BOM, Persian headers and digits, quoted
// cells with commas and line breaks, a Solar Hijri date, and some rows that cannot be imported.
const listCsv = [
  '\uFEFFنام,Name,نام پدر,سن,تاریخ,استان,شهر,وضعیت,منبع',
  'علي قلي‌پور,Ali Gholipur,حسن,۱۹,۱۳۹۸/۰۸/۲۵,فارس,شیراز,کشته,https://example.org/a', // an existing person, spelled otherwise
  'مریم رضایی,Maryam Rezaei,,۲۳,2019-11-16,Tehran,"Tehran, Sattarkhan",killed,',
  ',,,,,,,,', // empty: skipped by the parser
  ',,,30,,,,killed,', // no name
  'سارا احمدی,Sara Ahmadi,,۲۰۰,yesterday,Atlantis,,maybe,javascript:alert(1)', // bad cells
  'رضا کریمی,Reza Karimi,,17,1398-08,Khuzestan,Mahshahr,"کشته",https://example.org/b',
  'مریم رضایی,Maryam Rezaee,,,,,,injured,', // repeats row 2
  '"نام ""نقل‌قول""\nدو خطی",Quoted Name,,,,,,detained,',
].join('\r\n');

// Names built like real ones (first name + family name, in both scripts), so the trigram index
// sees realistic overlap: many share a first name, few share a whole name.
const firstNames = [['محمد', 'Mohammad'], ['علی', 'Ali'], ['حسین', 'Hossein'], ['رضا', 'Reza'], ['مهدی', 'Mehdi'], ['امیر', 'Amir'], ['فاطمه', 'Fatemeh'], ['زهرا', 'Zahra'], ['مریم', 'Maryam'], ['سارا', 'Sara'], ['پویا', 'Pouya'], ['نوید', 'Navid'], ['بهمن', 'Bahman'], ['کاوه', 'Kaveh'], ['نگار', 'Negar'], ['پژمان', 'Pejman'], ['آرمان', 'Arman'], ['سینا', 'Sina'], ['یاسمن', 'Yasaman'], ['جواد', 'Javad'], ['مصطفی', 'Mostafa'], ['حمید', 'Hamid'], ['الهام', 'Elham'], ['شهرام', 'Shahram'], ['بهنام', 'Behnam'], ['ژیلا', 'Zhila'], ['سعید', 'Saeed'], ['کیوان', 'Keyvan'], ['میلاد', 'Milad'], ['هادی', 'Hadi']];
const roots = [['کریم', 'Karim'], ['رحیم', 'Rahim'], ['احمد', 'Ahmad'], ['حسن', 'Hasan'], ['جعفر', 'Jafar'], ['قاسم', 'Ghasem'], ['باقر', 'Bagher'], ['صادق', 'Sadegh'], ['نظر', 'Nazar'], ['فرهاد', 'Farhad'], ['شیر', 'Shir'], ['گل', 'Gol'], ['مراد', 'Morad'], ['یزدان', 'Yazdan'], ['خسرو', 'Khosro'], ['بهرام', 'Bahram'], ['رستم', 'Rostam'], ['نادر', 'Nader'], ['اکبر', 'Akbar'], ['موسی', 'Mousa'], ['عباس', 'Abbas'], ['طاهر', 'Taher'], ['منصور', 'Mansour'], ['امین', 'Amin'], ['سلیم', 'Salim'], ['وحید', 'Vahid'], ['شکر', 'Shokr'], ['دولت', 'Dowlat'], ['نور', 'Nour'], ['پاک', 'Pak']];
const endings = [['ی', 'i'], ['ی‌پور', 'ipour'], ['زاده', 'zadeh'], ['نیا', 'nia'], ['فر', 'far'], ['لو', 'lou'], ['وند', 'vand'], ['یان', 'ian'], ['خانی', 'khani'], ['آبادی', 'abadi'], ['پور', 'pour'], ['نژاد', 'nejad']];
function realisticRows(count: number): string[] {
  const provinces = ['Tehran', 'فارس', 'Khuzestan', 'کرمانشاه', 'Isfahan', 'البرز'];
  return Array.from({ length: count }, (_, i) => {
    const [ff, fl] = firstNames[i % firstNames.length]!;
    const [rf, rl] = roots[Math.floor(i / firstNames.length) % roots.length]!;
    const [ef, el] = endings[Math.floor(i / (firstNames.length * roots.length)) % endings.length]!;
    return `${ff} ${rf}${ef},${fl} ${rl}${el},${(i % 80) + 1},1398/08/${(i % 5) + 24},${provinces[i % provinces.length]},killed,https://example.org/${i}`;
  });
}

describe.each(testDatabases())('CSV import on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  let collectionId: string;
  let existingId: string;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    collectionId = await insertCollection(ctx.db);
    existingId = (await insertPerson(ctx.db, { collectionId, nameFa: 'علی قلی‌پور', nameLatin: 'Ali Gholipour', nameSearch: nameSearchText(['علی قلی‌پور', 'Ali Gholipour']) })).id;
  });

  const upload = (text: string) => createImportBatch(ctx.db, actors.admin.viewer, { collectionId, bytes: bytes(text) });

  it('guesses the mapping, and the dry run reports each bad row and likely duplicate without writing', async () => {
    const id = await upload(listCsv);
    const batch = await getImportBatch(ctx.db, actors.admin.viewer, id);
    expect(batch).toMatchObject({ rowCount: 7, mappingSaved: false, headers: ['نام', 'Name', 'نام پدر', 'سن', 'تاریخ', 'استان', 'شهر', 'وضعیت', 'منبع'] });
    expect(batch.mapping.columns).toEqual({ nameFa: 0, nameLatin: 1, fatherNameFa: 2, age: 3, incidentDate: 4, province: 5, city: 6, outcome: 7, sourceUrl: 8 });
    expect(await codeOf(dryRunImport(ctx.db, actors.admin.viewer, id))).toBe('conflict'); // not mapped yet

    await saveImportMapping(ctx.db, actors.admin.viewer, id, batch.mapping);
    const before = await ctx.db.$count(persons);
    const dry = await dryRunImport(ctx.db, actors.admin.viewer, id);
    expect(await ctx.db.$count(persons)).toBe(before);
    expect(dry).toMatchObject({ rows: 7, willImport: 3, validDuplicates: 2, invalid: 2, likelyDuplicates: 2 });
    const reasons = { name: 100, fatherName: false, age: false, province: false, city: false };
    expect(dry.problems).toEqual([
      { row: 1, name: 'علي قلي‌پور / Ali Gholipur', errors: {}, values: {}, duplicates: [{ id: existingId, nameFa: 'علی قلی‌پور', nameLatin: 'Ali Gholipour', status: 'published', reasons }], repeatsRow: null },
      { row: 3, name: '', errors: { name: 'nameMissing' }, values: {}, duplicates: [], repeatsRow: null },
      {
        row: 4,
        name: 'سارا احمدی / Sara Ahmadi',
        errors: { age: 'invalid', incidentDate: 'invalidDate', province: 'unknownValue', outcome: 'unknownValue', sourceUrl: 'invalidUrl' },
        // What the file says, shown next to each error.
        values: { age: '۲۰۰', incidentDate: 'yesterday', province: 'Atlantis', outcome: 'maybe', sourceUrl: 'javascript:alert(1)' },
        duplicates: [],
        repeatsRow: null,
      },
      { row: 6, name: 'مریم رضایی / Maryam Rezaee', errors: {}, values: {}, duplicates: [], repeatsRow: 2 },
    ]);
  });

  it('imports the valid rows as unpublished persons in one audited transaction, then forgets the cells', async () => {
    const id = await upload(listCsv);
    await saveImportMapping(ctx.db, actors.admin.viewer, id, (await getImportBatch(ctx.db, actors.admin.viewer, id)).mapping);
    const counts = await commitImport(ctx.db, actors.admin.viewer, id, { includeDuplicates: false });
    expect(counts).toEqual({ rows: 7, imported: 3, invalid: 2, duplicatesSkipped: 2 });

    const created = await ctx.db.select().from(persons).where(inArray(persons.nameLatin, ['Maryam Rezaei', 'Reza Karimi', 'Quoted Name']));
    expect(created).toHaveLength(3);
    expect(created.every((p) => p.status === 'draft' && p.createdBy === actors.admin.userId && p.collectionId === collectionId)).toBe(true);
    expect(created.find((p) => p.nameLatin === 'Maryam Rezaei')).toMatchObject({ nameFa: 'مریم رضایی', age: 23, incidentDate: '2019-11-16', incidentDatePrecision: 'exact', province: 'IR-23', city: 'Tehran, Sattarkhan', outcome: 'killed' });
    expect(created.find((p) => p.nameLatin === 'Reza Karimi')).toMatchObject({ age: 17, incidentDate: '2019-10-23', incidentDatePrecision: 'month', province: 'IR-06' });
    expect(created.find((p) => p.nameLatin === 'Quoted Name')!.nameFa).toBe('نام "نقل‌قول"\nدو خطی');
    const reza = created.find((p) => p.nameLatin === 'Reza Karimi')!;
    expect(await ctx.db.select({ url: personSources.url }).from(personSources).where(eq(personSources.personId, reza.id))).toEqual([{ url: 'https://example.org/b' }]);
    // Moderators find them in the staff list, unpublished.
    expect((await listStaffPersons(ctx.db, actors.moderator.viewer, { q: 'Reza Karimi', status: 'draft' })).items.map((p) => p.id)).toEqual([reza.id]);

    const log = await ctx.db.select({ action: auditEntries.action, targetId: auditEntries.targetId, details: auditEntries.details }).from(auditEntries).where(inArray(auditEntries.action, ['person.create', 'import.commit']));
    expect(log.filter((e) => e.action === 'person.create').map((e) => e.targetId).sort()).toEqual(created.map((p) => p.id).sort());
    expect(log.find((e) => e.action === 'import.commit')).toEqual({ action: 'import.commit', targetId: id, details: { rows: 7, imported: 3, invalid: 2, duplicatesSkipped: 2, includeDuplicates: false } });
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);

    const [stored] = await ctx.db.select().from(importBatches).where(eq(importBatches.id, id));
    expect(stored).toMatchObject({ status: 'imported', rows: [], summary: counts });
    expect(await codeOf(commitImport(ctx.db, actors.admin.viewer, id, { includeDuplicates: true }))).toBe('conflict');
  });

  it('imports likely duplicates too when asked; a discarded upload imports nothing', async () => {
    const id = await upload('Name,Outcome\nAli Gholipour,killed\nAli Golipour,killed\n');
    await saveImportMapping(ctx.db, actors.admin.viewer, id, { columns: { nameLatin: 0, outcome: 1 }, defaultOutcome: null });
    expect(await commitImport(ctx.db, actors.admin.viewer, id, { includeDuplicates: true })).toEqual({ rows: 2, imported: 2, invalid: 0, duplicatesSkipped: 0 });
    const other = await upload('Name\nNobody Special\n');
    await discardImport(ctx.db, actors.admin.viewer, other);
    expect(await codeOf(saveImportMapping(ctx.db, actors.admin.viewer, other, { columns: { nameLatin: 0 }, defaultOutcome: 'killed' }))).toBe('conflict');
    expect((await ctx.db.select({ rows: importBatches.rows, status: importBatches.status }).from(importBatches).where(eq(importBatches.id, other)))[0]).toEqual({ rows: [], status: 'discarded' });
  });

  it('refuses files it cannot read, and a mapping without a name column, with reasons', async () => {
    const fieldErrorOf = (p: Promise<unknown>) => p.then(() => null, (e: { fieldErrors?: Record<string, string> }) => e.fieldErrors);
    expect(await fieldErrorOf(upload(''))).toEqual({ file: 'csv_empty' });
    expect(await fieldErrorOf(createImportBatch(ctx.db, actors.admin.viewer, { collectionId, bytes: new Uint8Array([0x6e, 0x0a, 0xda, 0xe1, 0xed]) }))).toEqual({ file: 'csv_encoding' });
    expect(await fieldErrorOf(createImportBatch(ctx.db, actors.admin.viewer, { collectionId: 'nope', bytes: bytes('a\nb\n') }))).toEqual({ collectionId: 'required' });
    const id = await upload('a,b\n1,2\n');
    expect(await fieldErrorOf(saveImportMapping(ctx.db, actors.admin.viewer, id, { columns: { age: 0 }, defaultOutcome: null }))).toEqual({ nameFa: 'nameColumnRequired' });
  });

  it('only admins may import', async () => {
    const id = await upload('Name\nX\n');
    for (const actor of [actors.moderator, actors.submitterA]) {
      expect(await codeOf(createImportBatch(ctx.db, actor.viewer, { collectionId, bytes: bytes('Name\nX\n') }))).toBe('not_found');
      expect(await codeOf(getImportBatch(ctx.db, actor.viewer, id))).toBe('not_found');
      expect(await codeOf(commitImport(ctx.db, actor.viewer, id, { includeDuplicates: false }))).toBe('not_found');
    }
  });

  // A bulk list, imported, then offered again: every row finds its recorded namesake. (Timing of a
  // 10,000-row list belongs in the benchmark, not in a timed test.)
  it('imports a list of 300 rows and finds each row again as a likely duplicate', async () => {
    const file = bytes(`\uFEFFنام,Name,سن,تاریخ,استان,وضعیت,منبع\n${realisticRows(300).join('\n')}\n`);
    const mapped = async () => {
      const id = await createImportBatch(ctx.db, actors.admin.viewer, { collectionId, bytes: file });
      await saveImportMapping(ctx.db, actors.admin.viewer, id, (await getImportBatch(ctx.db, actors.admin.viewer, id)).mapping);
      return id;
    };
    const first = await mapped();
    // Two of the names were recorded by the tests above: likely duplicates, importable on request.
    const firstDry = await dryRunImport(ctx.db, actors.admin.viewer, first);
    expect(firstDry).toMatchObject({ rows: 300, invalid: 0 });
    expect(firstDry.willImport + firstDry.validDuplicates).toBe(300);
    expect((await commitImport(ctx.db, actors.admin.viewer, first, { includeDuplicates: true })).imported).toBe(300);
    const again = await mapped();
    expect((await dryRunImport(ctx.db, actors.admin.viewer, again)).likelyDuplicates).toBe(300);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  // A list as human-rights groups publish them: mixed scripts, day-first dates, Persian month
  // names, Latin province spellings, and variants of persons already recorded, many of whom share
  // a common family name with earlier records.
  it('imports a published-style list: each variant of a recorded person lists that person first, the dry run counts what the import creates, and left-out rows come back with their reasons', async () => {
    const family = await insertCollection(ctx.db);
    const recorded: Record<string, string> = {};
    const record = async (nameFa: string, nameLatin: string, extra: { fatherNameFa?: string; age?: number; province?: string } = {}, key = nameLatin) => {
      recorded[key] = (await insertPerson(ctx.db, { collectionId: family, nameFa, nameLatin, nameSearch: nameSearchText([nameFa, nameLatin]), ...extra })).id;
    };
    // The earliest records share the family name: ordering by age of record would list them for everyone.
    await record('بابک احمدی', 'Babak Ahmadi');
    await record('سارا احمدی', 'Sara Ahmadi');
    await record('پریسا احمدی', 'Parisa Ahmadi');
    await record('آرش احمدی', 'Arash Ahmadi', { age: 24, province: 'IR-23' });
    await record('شیرین احمدی', 'Shirin Ahmadi', { fatherNameFa: 'محمود' });
    await record('امید احمدی', 'Omid Ahmadi', { age: 31 });
    await record('نسرین احمدی', 'Nasrin Ahmadi', { province: 'IR-09' });
    await record('لیلا احمدی', 'Leila Ahmadi');
    await record('کیان احمدی', 'Kian Ahmadi', { age: 17 });
    await record('نگار احمدی‌نژاد', 'Negar Ahmadinejad-Test');
    await record('پویا بختیاری', 'Pouya Bakhtiari', { age: 22, province: 'IR-10' });
    await record('پویا بختیاری', 'Pouya Bakhtiari', { age: 45, province: 'IR-07' }, 'namesake'); // older, elsewhere

    const header = 'نام,Name,نام پدر,سن,تاریخ,استان,وضعیت';
    const variants: Array<[string, string]> = [
      ['آرش احمدي,Arash Ahmady,,۲۴,16/11/2019,Tehran,killed', 'Arash Ahmadi'],
      ['شیرین احمدی,Shirin Ahmadi,محمود,,25 آبان 1398,Tehran Province,کشته', 'Shirin Ahmadi'],
      ['امید احمدی,Omid Ahmadi,,31,November 16 2019,Alborz,killed', 'Omid Ahmadi'],
      ['نسرین احمدی,Nasreen Ahmadi,,,۲۶ آبان ۱۳۹۸,Khorasan Razavi,killed', 'Nasrin Ahmadi'],
      ['لیلا احمدی,Leyla Ahmadi,,,17.11.2019,Fars,killed', 'Leila Ahmadi'],
      ['کیان احمدی,Kian Ahmadi,,17,1398/08/25,Khuzestan,killed', 'Kian Ahmadi'],
      ['پویا بختیاری,Pouya Bakhtiyari,,22,17/11/2019,Esfahan,killed', 'Pouya Bakhtiari'],
    ];
    const fresh = [
      'کوروش احمدی,Kourosh Ahmadi,,19,16/11/2019,Kohgiluyeh and Boyer-Ahmad,killed',
      'مهسا کریمی,Mahsa Karimi,,27,16 Nov 2019,Sistan and Baluchistan,killed',
      'حامد رستمی,Hamed Rostami,,33,۲۶/۰۸/۱۳۹۸,کهگیلویه و بویراحمد,killed',
      'زینب موسوی,Zeinab Mousavi,,40,آبان ۱۳۹۸,Khorasan-e Razavi,injured',
      'فرزاد جعفری,Farzad Jafari,,21,2019-11-18,Kermanshah,killed',
      'مهرداد نوری,Mehrdad Nouri,,25,18/11/2019,East Azarbaijan,detained',
      'سمیرا حیدری,Samira Heidari,,29,27 Aban 1398,Chaharmahal and Bakhtiari,killed',
      'نیما صالحی,Nima Salehi,,16,19/11/2019,Isfahan,killed',
      'بهاره قاسمی,Bahareh Ghasemi,,35,۲۷ آبان ۱۳۹۸,استان تهران,killed',
      'کامران یوسفی,Kamran Yousefi,,23,November 2019,Bushehr,killed',
      'الهام شریفی,Elham Sharifi,,30,16/11/2019,West Azarbaijan,killed',
      'یاسر امینی,Yaser Amini,,26,17/11/2019,Kurdistan,killed',
      'ترانه عباسی,Taraneh Abbasi,,18,25 آبان 1398,Golestan,killed',
      'مجید کاظمی,Majid Kazemi,,44,2019-11-17,Hormozgan,killed',
      'شهلا نادری,Shahla Naderi,,52,۲۸/۰۸/۱۳۹۸,Markazi,killed',
      'آیدین رحیمی,Aydin Rahimi,,20,16.11.2019,Ardabil,killed',
      'سحر محمدی,Sahar Mohammadi,,24,17 November 2019,Qazvin,killed',
      'پدرام فرهادی,Pedram Farhadi,,28,16/11/2019,Zanjan,killed',
    ];
    const refused = [
      ['ماهان رضوی,Mahan Razavi,,22,05/11/2019,Tehran,killed', 'incidentDate', 'ambiguousDate', '05/11/2019'],
      ['دانیال نیک‌پور,Danial Nikpour,,22,16/11/2019,Atlantis,killed', 'province', 'unknownValue', 'Atlantis'],
    ] as const;
    const rows = [...variants.map(([r]) => r), ...fresh, ...refused.map(([r]) => r)];
    expect(rows.length).toBeGreaterThanOrEqual(27);
    const file = bytes(`\uFEFF${header}\n${rows.join('\n')}\n`);
    const mapped = async () => {
      const id = await createImportBatch(ctx.db, actors.admin.viewer, { collectionId: family, bytes: file });
      await saveImportMapping(ctx.db, actors.admin.viewer, id, (await getImportBatch(ctx.db, actors.admin.viewer, id)).mapping);
      return id;
    };
    const id = await mapped();
    const dry = await dryRunImport(ctx.db, actors.admin.viewer, id);
    expect(dry).toMatchObject({ rows: rows.length, willImport: fresh.length, validDuplicates: variants.length, invalid: refused.length });

    // Every variant lists its recorded person first, with the reasons shown.
    variants.forEach(([, latin], i) => {
      const report = dry.problems.find((p) => p.row === i + 1)!;
      expect(report.duplicates[0]?.id, latin).toBe(recorded[latin]);
      expect(report.duplicates[0]!.reasons.name).toBeGreaterThanOrEqual(50);
    });
    expect(dry.problems.find((p) => p.row === 1)!.duplicates[0]!.reasons).toMatchObject({ age: true, province: true });
    expect(dry.problems.find((p) => p.row === 2)!.duplicates[0]!.reasons).toMatchObject({ fatherName: true });
    // Of two namesakes, the one whose age and province agree comes first.
    const pouya = dry.problems.find((p) => p.row === 7)!.duplicates;
    expect(pouya.map((d) => d.id)[0]).toBe(recorded['Pouya Bakhtiari']);
    expect(pouya[0]!.reasons).toMatchObject({ age: true, province: true });
    expect(pouya[1]).toMatchObject({ id: recorded.namesake, reasons: { age: false, province: false } });
    // A shared family name alone is no duplicate: Kourosh Ahmadi is new.
    expect(dry.problems.find((p) => p.name.startsWith('کوروش احمدی'))).toBeUndefined();

    // Refused rows say why, with what the file holds, and come back as the file had them.
    for (const [line, field, error, value] of refused) {
      const report = dry.problems.find((p) => p.name.startsWith(line.split(',')[0]!))!;
      expect(report.errors).toEqual({ [field]: error });
      expect(report.values).toEqual({ [field]: value });
    }
    const left = await leftOutRows(ctx.db, actors.admin.viewer, id);
    expect(left.headers).toEqual(header.split(','));
    expect(left.rows.map((r) => r.cells.join(','))).toEqual([...variants.map(([r]) => r), ...refused.map(([r]) => r)]);
    expect(await codeOf(leftOutRows(ctx.db, actors.moderator.viewer, id))).toBe('not_found');

    // Dates and provinces as the list gave them.
    const counts = await commitImport(ctx.db, actors.admin.viewer, id, { includeDuplicates: false });
    expect(counts.imported).toBe(dry.willImport);
    const made = await ctx.db.select().from(persons).where(inArray(persons.nameLatin, ['Kourosh Ahmadi', 'Zeinab Mousavi', 'Hamed Rostami', 'Kamran Yousefi']));
    const byName = Object.fromEntries(made.map((p) => [p.nameLatin, p]));
    expect(byName['Kourosh Ahmadi']).toMatchObject({ incidentDate: '2019-11-16', incidentDatePrecision: 'exact', province: 'IR-17' });
    expect(byName['Zeinab Mousavi']).toMatchObject({ incidentDate: '2019-10-23', incidentDatePrecision: 'month', province: 'IR-09' });
    expect(byName['Hamed Rostami']).toMatchObject({ incidentDate: '2019-11-17', province: 'IR-17' });
    expect(byName['Kamran Yousefi']).toMatchObject({ incidentDate: '2019-11-01', incidentDatePrecision: 'month', province: 'IR-18' });

    // With duplicates included, the dry run's other figure is what the import creates.
    const again = await mapped();
    const second = await dryRunImport(ctx.db, actors.admin.viewer, again);
    const withDuplicates = await commitImport(ctx.db, actors.admin.viewer, again, { includeDuplicates: true });
    expect(withDuplicates.imported).toBe(second.willImport + second.validDuplicates);
  });
});

