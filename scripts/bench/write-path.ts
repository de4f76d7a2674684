// The bench's submissions (scripts/bench.ts, scripts/profile-submissions.ts): distinct narratives, as
// distinct families write (identical ones would make every submission a coordinated-flood match of
// every other one of the window and measure the flagging of a flood instead), and the put-back of
// what a bench run wrote into the shared bench database.
import { randomInt } from 'node:crypto';
import type postgres from 'postgres';

const words = (
  'پسرم دخترم برادرم خواهرم پدرم مادرم همسرم آن روز شب صبح عصر به خانه برنگشت خیابان میدان کوچه بازار ' +
  'مسجد مدرسه دانشگاه بیمارستان پزشکی قانونی جنازه گلوله تیر گاز اشک آور ماموران لباس شخصی بسیج سپاه ' +
  'پلیس ضد شورش بازداشت زندان اوین شکنجه تهدید خانواده دفن شبانه سنگ مزار آبان بنزین اعتراض شعار ' +
  'جمعیت دوستانش همسایه ها دیدند شنیدند گفتند نوشتند فریاد کمک خون زمین دست پا سر سینه کمر زخمی ' +
  'آمبولانس نیامد بردند پس ندادند پول گرفتند امضا اجبار سکوت ترس هرگز فراموش نمی کنیم یادش گرامی'
).split(' ');

/** A narrative of `length` words drawn at random: unlike any other the bench sends. */
export function distinctNarrative(length = 60): string {
  return Array.from({ length }, () => words[randomInt(words.length)]).join(' ') + '.';
}

/**
 * Deletes what the bench's accounts wrote (their testimonies with revisions, links, flags, messages
 * and notifications by cascade; the draft persons they proposed; their sessions, limits and the
 * accounts). The audit entries stay: the chain is append-only, and they are the record that the
 * bench ran. Returns the number of testimonies removed.
 */
export async function removeBenchAccounts(sql: postgres.Sql, userIds: string[]): Promise<number> {
  if (!userIds.length) return 0;
  return sql.begin(async (tx) => {
    const proposed = await tx<{ id: string }[]>`select id from persons where created_by in ${tx(userIds)} and status = 'draft'`;
    const gone = await tx`delete from testimonies where submitter_id in ${tx(userIds)}`;
    if (proposed.length) await tx`delete from persons where id in ${tx(proposed.map((p) => p.id))} and not exists (select 1 from testimony_persons tp where tp.person_id = persons.id)`;
    await tx`delete from rate_limits where key in ${tx(userIds.flatMap((id) => ['submission', 'message', 'upload'].map((bucket) => `${bucket}:${id}`)))}`;
    await tx`delete from users where id in ${tx(userIds)}`;
    return gone.count;
  });
}
