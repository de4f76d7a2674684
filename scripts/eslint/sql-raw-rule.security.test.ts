// The injection lint rule is wired into eslint.config.mjs and fires where it must: linted through
// the project's real configuration, as `npm run lint` does.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { recordFigure } from '@/lib/testing/security-figures';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });
const header = "import { sql } from 'drizzle-orm';\n";

async function ruleHits(code: string) {
  const [result] = await eslint.lintText(header + code, { filePath: 'lib/example/query.ts' });
  return result!.messages.filter((m) => m.ruleId === 'yadman/sql-raw-constant').length;
}

const refused = {
  'a function parameter': 'export const f = (name: string) => sql.raw(name);',
  'request input in a template': 'export const f = (q: { id: string }) => sql.raw(`select ${q.id}`);',
  'a local const': "export function f(x: string) { const column = x + 'y'; return sql.raw(column); }",
  'a module-level let': "let column = 'a';\nexport const f = () => sql.raw(column);",
  'a concatenation of constants': "const a = 'x';\nexport const f = () => sql.raw(a + a);",
  'a call': 'export const f = (x: string[]) => sql.raw(x.join(","));',
};
const allowed = {
  'a string literal': "export const f = () => sql.raw('now()');",
  'a template without expressions': 'export const f = () => sql.raw(`now()`);',
  'a module-level const': "const list = ['a', 'b'].map((c) => `'${c}'`).join(', ');\nexport const f = () => sql.raw(list);",
};

describe('yadman/sql-raw-constant', () => {
  it('reports sql.raw on anything that could carry request data', async () => {
    const missed: string[] = [];
    for (const [what, code] of Object.entries(refused)) if ((await ruleHits(code)) !== 1) missed.push(what);
    recordFigure({ figure: 'sql.raw misuses the lint rule misses', measured: missed.length, target: '0', ok: missed.length === 0 });
    expect(missed).toEqual([]);
  }, 60_000);

  it('accepts literals and module-level constants', async () => {
    for (const [what, code] of Object.entries(allowed)) expect(await ruleHits(code), what).toBe(0);
  }, 60_000);
});
