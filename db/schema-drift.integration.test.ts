// Fails when db/schema changed without a committed migration (`npm run db:generate`).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

it('db/migrations contain every schema change', () => {
  // drizzle-kit only accepts an `out` relative to the project (and exits 0 on errors), so the copy
  // lives in a git-ignored .data-* folder and the test checks its message as well as the files.
  const out = `.data-drift-${randomBytes(4).toString('hex')}`;
  try {
    fs.cpSync(path.resolve('db/migrations'), out, { recursive: true });
    const before = fs.readdirSync(out).sort();
    const bin = path.resolve('node_modules/.bin/drizzle-kit');
    const args = ['generate', '--dialect=postgresql', '--schema=./db/schema/index.ts', `--out=${out}`, '--casing=snake_case'];
    const output = execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    expect(output).toContain('No schema changes');
    expect(fs.readdirSync(out).sort()).toEqual(before);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
