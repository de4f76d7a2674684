// The scene both form-gate tests start from (the timed challenge, lib/abuse/challenge.ts, and the
// proof of work, lib/abuse/proof-of-work.ts): the usual actors and a collection that accepts
// testimonies, plus what they ask of the database.
import { eq } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import { collections, users } from '@/db/schema';
import { createActors, type Actors } from './actors';
import type { TestDbContext } from './databases';

/** A passphrase that passes the sign-up rules. */
export const gatePassphrase = 'a long enough passphrase for the test';

export function useFormGateScene(ctx: TestDbContext) {
  let actors: Actors | undefined;
  beforeAll(async () => {
    actors = await createActors(ctx.db);
    await ctx.db.insert(collections).values({ slug: 'aban-1398', nameFa: 'آبان ۱۳۹۸', nameEn: 'November 2019' });
  });
  return {
    /** Valid inside tests, after beforeAll. */
    get actors(): Actors {
      return actors!;
    },
    /** How many accounts carry `username` (0 or 1): whether a sign-up went through. */
    accountsNamed: async (username: string) => (await ctx.db.select().from(users).where(eq(users.username, username))).length,
  };
}
