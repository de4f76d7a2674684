// Statistics for the current request, from the pre-aggregated public totals (summary.ts): current
// as of the public data version, so an unpublished person leaves every count at once, with no cache
// tag to forget.
import 'server-only';
import { getDb } from '@/db/client';
import type { Statistics } from './aggregates';
import { getPublicSummary } from './summary';

export async function getStatistics(): Promise<Statistics> {
  return (await getPublicSummary(await getDb())).statistics;
}
