// The gate of a form that costs something to post (a submission for review): its challenge spent
// (lib/abuse/challenge.ts) and the bucket's points taken (lib/abuse/limits.ts) in ONE statement,
// inside the transaction of the work they guard. The address's counter row is shared by everyone
// behind one address and stays locked until the commit, so each round trip after it is one every
// other submission waits for (issue 21). The same refusals as `spendChallenge` then `consumeLimit`,
// in that order: a challenge already spent takes no points.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import type { Tx } from '@/db/types';
import { AppError } from '@/lib/errors';
import { checkChallenge, type FormGate } from './challenge';
import { limitPoints, type Bucket, type LimitKeys, type TakenRow } from './limits';

export async function passGate(tx: Tx, form: FormGate, bucket: Bucket, keys: LimitKeys, now = new Date()): Promise<void> {
  const challenge = await checkChallenge(form, now);
  // The counters are written only once the challenge's row is: one lock order (challenge, then
  // counters), and a refused challenge counts nothing.
  const points = limitPoints(bucket, keys, now, sql`exists (select 1 from spent)`);
  const spent = sql`insert into used_challenges (signature, expires_at) values (${challenge.signature}, ${challenge.expiresAt.toISOString()}::timestamptz) on conflict do nothing returning 1`;
  const counted = points ? sql`, counted as (${points.statement})` : sql``;
  const taken = points ? sql`counted.key, counted.points, counted.expire` : sql`null as key, null as points, null as expire`;
  const join = points ? sql`left join counted on true` : sql``;
  const rows = await queryRows<{ spent: number; key: string | null; points: number | null; expire: TakenRow['expire'] }>(
    tx,
    sql`with spent as (${spent})${counted} select (select count(*) from spent)::int as spent, ${taken} from (select 1) as one ${join}`,
  );
  if (!rows[0]?.spent) throw new AppError('challenge_failed');
  const wait = points ? points.wait(rows.filter((r): r is TakenRow & { spent: number } => r.key !== null)) : 0;
  if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
}
