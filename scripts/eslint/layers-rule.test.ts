// The layer rules are wired into eslint.config.mjs and fire where they must: linted through the
// project's real configuration, as `npm run lint` does.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function layerHits(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'yadman/layers').length;
}

const cases: Array<[string, string, string, number]> = [
  ['a page opens the database', 'app/[locale]/example/page.tsx', "import { getDb } from '@/db/client';\nexport const x = getDb;", 1],
  ['a component opens it by a relative path', 'components/example/panel.tsx', "import { getDb } from '../../db/client';\nexport const x = getDb;", 1],
  ['proxy.ts loads it lazily', 'proxy.ts', "export const x = () => import('./db/client');", 1],
  ['a route re-exports a schema type', 'app/api/example/route.ts', "export type { Db } from '@/db/types';", 1],
  ['the schema imports the domain layer', 'db/schema/example.ts', "import { normalizeName } from '../../lib/search/normalize';\nexport const x = normalizeName;", 1],
  ['the connection imports the domain layer by alias', 'db/example.ts', "import { withDb } from '@/lib/db';\nexport const x = withDb;", 1],
  ['a db test imports a domain function', 'db/example.integration.test.ts', "import { seedDemo } from '@/lib/seed/demo';\nexport const x = seedDemo;", 1],
  ['a page goes through withDb', 'app/[locale]/example/page.tsx', "import { withDb } from '@/lib/db';\nexport const x = withDb;", 0],
  ['a data function opens the database', 'lib/example/query.ts', "import { getDb } from '@/db/client';\nexport const x = getDb;", 0],
  ['a script opens the database', 'scripts/example.ts', "import { getDb } from '../db/client';\nexport const x = getDb;", 0],
  ['an e2e fixture writes rows directly', 'e2e/security/example.ts', "import { getDb } from '../../db/client';\nexport const x = getDb;", 0],
  ['the connection reads the configuration', 'db/example.ts', "import { env } from '../lib/env.mjs';\nexport const x = env;", 0],
  ['a db test uses the test support', 'db/example.integration.test.ts', "import { testDatabases } from '@/lib/testing/databases';\nexport const x = testDatabases;", 0],
];

describe('yadman/layers', () => {
  it.each(cases)('%s', async (_name, filePath, code, expected) => {
    expect(await layerHits(filePath, code)).toBe(expected);
  });
});
