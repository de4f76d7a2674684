// Statistics for the current request. Not kept in a server-side data cache on purpose: the
// aggregates are a handful of GROUP BYs on an indexed status column, and reading them per request
// means an unpublished person leaves every count at once, with no cache tag to forget.
import 'server-only';
import { getDb } from '@/db/client';
import { computeStatistics, type Statistics } from './aggregates';

export async function getStatistics(): Promise<Statistics> {
  return computeStatistics(await getDb());
}
