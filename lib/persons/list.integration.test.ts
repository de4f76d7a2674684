import { beforeAll, describe, expect, it } from 'vitest';
import { persons } from '@/db/schema';
import { nameSearchText } from '@/lib/search/normalize';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { codeOf } from '@/lib/testing/outcome';
import { insertCollection } from '@/lib/testing/public-fixtures';
import { listStaffPersons } from './read';

describe.each(testDatabases())('staff persons list on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  const names: string[] = [];

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    const collectionId = await insertCollection(ctx.db);
    // 25 persons, two of them sharing one created_at: the keyset must neither skip nor repeat them.
    const base = Date.UTC(2026, 0, 1);
    const rows = Array.from({ length: 25 }, (_, i) => {
      const nameLatin = i === 7 ? 'Ali Gholipour' : `Person ${String(i).padStart(2, '0')}`;
      names.push(nameLatin);
      const nameFa = i === 7 ? 'علي قلي‌پور' : `فرد ${i}`;
      return { collectionId, slug: `p-${i}`, nameFa, nameLatin, outcome: 'killed' as const, status: i % 2 ? ('draft' as const) : ('published' as const), nameSearch: nameSearchText([nameFa, nameLatin]), createdAt: new Date(base + (i === 11 ? 10 : i) * 60_000) };
    });
    await ctx.db.insert(persons).values(rows);
  });

  it('pages newest first without OFFSET: every person exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listStaffPersons(ctx.db, actors.moderator.viewer, { limit: 4, cursor });
      seen.push(...page.items.map((p) => p.nameLatin!));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(7);
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(new Set(names));
    expect(seen[0]).toBe('Person 24');
  });

  it('keeps the status filter across pages', async () => {
    const first = await listStaffPersons(ctx.db, actors.moderator.viewer, { status: 'draft', limit: 5 });
    const rest = await listStaffPersons(ctx.db, actors.moderator.viewer, { status: 'draft', limit: 50, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].every((p) => p.status === 'draft')).toBe(true);
    expect(first.items.length + rest.items.length).toBe(12);
  });

  it('finds a name by other spellings and scripts', async () => {
    for (const q of ['Gholipur', 'qolipour', 'علی قلی پور', 'قلیپور']) {
      expect((await listStaffPersons(ctx.db, actors.moderator.viewer, { q })).items.map((p) => p.nameLatin), q).toEqual(['Ali Gholipour']);
    }
    expect((await listStaffPersons(ctx.db, actors.moderator.viewer, { q: 'Hosseini' })).items).toEqual([]);
  });

  it('a mangled cursor is invalid input; submitters get not_found', async () => {
    expect(await codeOf(listStaffPersons(ctx.db, actors.moderator.viewer, { cursor: 'bm90IGEgY3Vyc29y' }))).toBe('invalid_input');
    expect(await codeOf(listStaffPersons(ctx.db, actors.submitterA.viewer))).toBe('not_found');
  });
});
