import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { testimonies, testimonyPersons } from '@/db/schema';

/**
 * `column in (the persons testimony \`testimonyId\` concerns)`, as a condition: none for a draft
 * (drafts are the submitter's alone, even for staff) or an unknown id. Lets a read of those persons
 * start with the testimony's id alone, beside the read of the testimony (issue 21: the review page).
 */
export function isLinkedPersonOf(column: SQL | SQL.Aliased | { getSQL(): SQL }, testimonyId: string): SQL {
  return sql`${column} in (select lp.person_id from ${testimonyPersons} lp join ${testimonies} lt on lt.id = lp.testimony_id where lp.testimony_id = ${testimonyId} and lt.status <> 'draft')`;
}
