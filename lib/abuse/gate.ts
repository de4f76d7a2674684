// The gate of a form that costs something to post (a submission for review): its challenge spent
// (lib/abuse/challenge.ts) and the bucket's points taken (lib/abuse/limits.ts) in ONE statement,
// inside the transaction of the work they guard, with the work's audit entry when given. The
// address's counter row is shared by everyone behind one address and the audit chain's lock by
// everyone; both stay held until the commit, so each round trip after them is one every other
// submission waits for (issue 21). The same refusals as `spendChallenge` then `consumeLimit`, in
// that order: a challenge already spent takes no points; a refusal appends nothing.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import type { Tx } from '@/db/types';
import { auditAppendStatement, type AuditInput } from '@/lib/audit/append';
import { AppError } from '@/lib/errors';
import { checkChallenge, type FormGate } from './challenge';
import { limitPoints, type Bucket, type LimitKeys, type TakenRow } from './limits';

export async function passGate(tx: Tx, form: FormGate, bucket: Bucket, keys: LimitKeys, audit?: AuditInput, now = new Date()): Promise<void> {
  const challenge = await checkChallenge(form, now);
  // One lock order: the challenge's row, then the counters (written only once the challenge's row
  // is), then the audit chain's lock (appended only once every counter is written: count(*) reads
  // them all, where `exists` would stop at the first and take the chain's lock between two).
  const points = limitPoints(bucket, keys, now, sql`exists (select 1 from spent)`);
  const spent = sql`spent as (insert into used_challenges (signature, expires_at) values (${challenge.signature}, ${challenge.expiresAt.toISOString()}::timestamptz) on conflict do nothing returning 1)`;
  const ctes = [spent];
  if (points) ctes.push(sql`counted as (${points.statement})`);
  if (audit) ctes.push(auditAppendStatement([audit], now, points ? sql`exists (select 1 from spent) and (select count(*) from counted) > 0` : sql`exists (select 1 from spent)`));
  const taken = points ? sql`counted.key, counted.points, counted.expire` : sql`null as key, null as points, null as expire`;
  const rows = await queryRows<{ spent: number; key: string | null; points: number | null; expire: TakenRow['expire'] }>(
    tx,
    sql`with recursive ${sql.join(ctes, sql`, `)} select (select count(*) from spent)::int as spent, ${taken} from (select 1) as one ${points ? sql`left join counted on true` : sql``}`,
  );
  if (!rows[0]?.spent) throw new AppError('challenge_failed');
  const wait = points ? points.wait(rows.filter((r): r is TakenRow & { spent: number } => r.key !== null)) : 0;
  // Over the limit the entry was appended with the rest: the refusal rolls it back with the work.
  if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
}
