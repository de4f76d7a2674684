import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { appendAudit } from './append';
import { auditVerifyReport } from './report';

describe.each(testDatabases())('audit:verify on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('passes on an intact chain, and names the entry changed directly in the database', async () => {
    const ids: number[] = [];
    for (const action of ['testimony.claim', 'testimony.publish', 'person.edit']) {
      const row = await ctx.db.transaction((tx) => appendAudit(tx, { actorId: null, action, targetType: 'test' }));
      ids.push(row.id);
    }
    expect(await auditVerifyReport(ctx.db)).toMatchObject({ exitCode: 0, message: expect.stringContaining('3 entries verified') });
    await ctx.db.execute(sql`update ${auditEntries} set action = 'testimony.reject' where id = ${ids[1]}`);
    const report = await auditVerifyReport(ctx.db);
    expect(report.exitCode).toBe(1);
    expect(report.message).toContain(`BROKEN at entry ${ids[1]} (testimony.reject`);
  });
});
