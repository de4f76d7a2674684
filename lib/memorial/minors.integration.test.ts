import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/sessions';
import { nameSearchText } from '@/lib/search/normalize';
import { personCsvRow } from '@/lib/open-data/export';
import { getApiPerson, iteratePublicPersonRecords, listApiPersons } from '@/lib/open-data/persons';
import { approveMinorIdentity, getMinorIdentity } from '@/lib/persons';
import { createSecondModerator } from '@/lib/testing/actors';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { codeOf } from '@/lib/testing/outcome';
import { insertPerson } from '@/lib/testing/public-fixtures';
import { getPublishedPerson, listPublishedPersons } from './index';

const origin = 'http://localhost';

describe.each(testDatabases())('minors on $name', (target) => {
  const ctx = useSeededDatabase(target);
  let second: Viewer | null;

  beforeAll(async () => {
    second = await createSecondModerator(ctx.db, 'moderator-minors');
  });

  /** Every public surface of the person, as one string: person JSON, search, API, CSV. */
  async function publicSurfaces(personId: string, query: string) {
    const csv: string[] = [];
    for await (const batch of iteratePublicPersonRecords(ctx.db)) for (const p of batch) if (p.id === personId) csv.push(JSON.stringify(personCsvRow(p, origin)));
    return [
      JSON.stringify(await getPublishedPerson(ctx.db, personId)),
      JSON.stringify(await getApiPerson(ctx.db, personId, origin)),
      JSON.stringify(await listApiPersons(ctx.db, { limit: 100 }, origin, `${origin}/api/v1/persons`)),
      JSON.stringify(await listPublishedPersons(ctx.db, { q: query })),
      csv.join('\n'),
    ].join('\n');
  }

  it('a child (by age, or by birth year against the incident) is shown by initials until a second moderator approves', async () => {
    const byAge = await insertPerson(ctx.db, { collectionId: ctx.collectionId, nameFa: 'کاوه نمونه‌زاده', nameLatin: 'Kaveh Nemunezadeh', fatherNameFa: 'بهرام', age: 15, slug: 'kaveh-nemunezadeh', nameSearch: nameSearchText(['کاوه نمونه‌زاده', 'Kaveh Nemunezadeh']) });
    const byBirthYear = await insertPerson(ctx.db, { collectionId: ctx.collectionId, nameLatin: 'Dara Birthyearson', birthYear: 2005, incidentDate: '2019-11-16' });
    const adult = await insertPerson(ctx.db, { collectionId: ctx.collectionId, nameLatin: 'Adult Grownupson', age: 30 });

    expect((await getPublishedPerson(ctx.db, byBirthYear.id))?.nameLatin).toBe('D. B.');
    expect((await getPublishedPerson(ctx.db, adult.id))?.nameLatin).toBe('Adult Grownupson');
    const before = await publicSurfaces(byAge.id, 'Kaveh Nemunezadeh');
    expect(before).not.toMatch(/Kaveh|Nemunezadeh|کاوه|نمونه|بهرام|kaveh-nemunezadeh/i);
    expect(await getPublishedPerson(ctx.db, byAge.id)).toMatchObject({ nameLatin: 'K. N.', slug: 'child', fatherNameFa: null, portrait: null });
    // A search by the full name does not find the record.
    expect((await listPublishedPersons(ctx.db, { q: 'Kaveh Nemunezadeh' })).items.some((p) => p.id === byAge.id)).toBe(false);

    expect(await codeOf(approveMinorIdentity(ctx.db, ctx.actors.submitterA.viewer, { personId: byAge.id }))).toBe('not_found');
    expect(await approveMinorIdentity(ctx.db, ctx.actors.moderator.viewer, { personId: byAge.id })).toEqual({ recorded: true });
    // The same moderator twice does nothing; one approval is not enough.
    expect(await approveMinorIdentity(ctx.db, ctx.actors.moderator.viewer, { personId: byAge.id })).toEqual({ recorded: false });
    expect(await publicSurfaces(byAge.id, 'Kaveh Nemunezadeh')).not.toMatch(/Kaveh|Nemunezadeh/);
    expect((await getMinorIdentity(ctx.db, second, byAge.id)).approvals).toHaveLength(1);

    expect(await approveMinorIdentity(ctx.db, second, { personId: byAge.id })).toEqual({ recorded: true });
    const after = await publicSurfaces(byAge.id, 'Kaveh Nemunezadeh');
    expect(after).toContain('Kaveh Nemunezadeh');
    expect(await getPublishedPerson(ctx.db, byAge.id)).toMatchObject({ nameFa: 'کاوه نمونه‌زاده', fatherNameFa: 'بهرام', slug: 'kaveh-nemunezadeh' });
    expect((await listPublishedPersons(ctx.db, { q: 'Kaveh Nemunezadeh' })).items.map((p) => p.id)).toContain(byAge.id);
    // Approving an adult's identity is meaningless: refused.
    expect(await codeOf(approveMinorIdentity(ctx.db, ctx.actors.moderator.viewer, { personId: adult.id }))).toBe('conflict');
  });
});
