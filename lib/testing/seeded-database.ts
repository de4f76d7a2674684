// The start most DB-backed tests of moderation, persons and testimonies share: a migrated test
// database (./databases.ts) with one person of each kind who may knock (./actors.ts) and one
// collection to put persons and testimonies in, made once per file.
import { beforeAll } from 'vitest';
import { createActors, type Actors } from './actors';
import { useTestDatabase, type TestDatabase, type TestDbContext } from './databases';
import { insertCollection } from './public-fixtures';

export type SeededDatabase = TestDbContext & {
  /** Valid inside tests, after beforeAll, like `db`. */
  readonly actors: Actors;
  readonly collectionId: string;
};

/** `useTestDatabase` plus the actors and a collection (registered after the database's own hook). */
export function useSeededDatabase(target: TestDatabase): SeededDatabase {
  const ctx = useTestDatabase(target);
  const seeded = new Map<'made', { actors: Actors; collectionId: string }>();
  beforeAll(async () => {
    seeded.set('made', { actors: await createActors(ctx.db), collectionId: await insertCollection(ctx.db) });
  });
  const ready = () => {
    const made = seeded.get('made');
    if (!made) throw new Error('seeded database not ready (use it inside tests, not at collection time)');
    return made;
  };
  return {
    get db() {
      return ctx.db;
    },
    get handle() {
      return ctx.handle;
    },
    openAnother: () => ctx.openAnother(),
    get actors() {
      return ready().actors;
    },
    get collectionId() {
      return ready().collectionId;
    },
  };
}
