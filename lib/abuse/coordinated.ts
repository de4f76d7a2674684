// Coordinated floods (issue 7): near-identical testimonies from different accounts within the
// "coordinated window" setting are flagged for moderators ("possible coordinated submission").
// The comparison never reads narratives (they are encrypted at rest): at submission the narrative
// becomes a fingerprint — a 64-value MinHash over its three-word shingles, each shingle first
// hashed with a key derived from AUTH_SECRET — stored on the testimony. Two fingerprints agree in
// about as many positions as the texts share shingles (Jaccard similarity); the values are keyed
// hashes, so a fingerprint cannot be tested against guessed phrases without the secret.
import { createHmac, hkdfSync } from 'node:crypto';
import { and, desc, ne, sql } from 'drizzle-orm';
import { settings, testimonies, testimonyFlags } from '@/db/schema';
import type { Tx } from '@/db/types';
import { defaultSecret } from '@/lib/crypto/secret-box';
import { normalizeName } from '@/lib/search/normalize';
import { settingDefaults } from '@/lib/validation/settings';

export const fingerprintSize = 64;
/** Estimated share of shingles in common above which two testimonies are flagged. */
export const coordinatedThreshold = 0.6;
/** At most this many recent candidates of the window (sharing a band) are compared (newest first). */
export const candidateLimit = 2_000;

// Odd multipliers and seeds of the 64 hash functions (fixed: fingerprints must stay comparable).
const seeds = Array.from({ length: fingerprintSize }, (_, i) => [Math.imul(i + 1, 0x9e3779b1) | 1, Math.imul(i + 7, 0x85ebca6b)] as const);

function mix(h: number, [multiplier, seed]: readonly [number, number]): number {
  let x = Math.imul(h ^ seed, multiplier);
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  return (x ^ (x >>> 13)) | 0;
}

/** The MinHash fingerprint of a narrative (normalized like names: letters, digits, case, ZWNJ). */
export function fingerprint(narrative: string, secret = defaultSecret()): number[] {
  const words = normalizeName(narrative).split(' ').filter(Boolean);
  const shingles = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(words.slice(i, i + 3).join(' '));
  if (shingles.size === 0) shingles.add(words.join(' '));
  const key = Buffer.from(hkdfSync('sha256', secret, 'yadman', 'coordinated fingerprint v1', 32));
  const hashes = [...shingles].map((s) => createHmac('sha256', key).update(s).digest().readInt32BE(0));
  return seeds.map((seed) => {
    let min = 0x7fffffff;
    for (const h of hashes) min = Math.min(min, mix(h, seed));
    return min;
  });
}

/** Estimated Jaccard similarity of the shingle sets: the share of positions that agree. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < fingerprintSize; i++) if (a[i] === b[i]) same++;
  return same / fingerprintSize;
}

/** The advisory-lock class of the fingerprint bands (two-key form; the audit chain uses the one-key form). */
const bandLockClass = 739_100_421;

/**
 * The near-duplicate check of a submission, in two parts inside its transaction (issue 21: the
 * fingerprint is stored by the UPDATE of the submission's own move, one round trip fewer):
 * `coordinatedFingerprint` gives the columns to store and `lockBands`, a condition for that
 * UPDATE's WHERE, always true, which takes the bands' advisory locks (sorted) before the row is
 * written (an uncorrelated condition is evaluated once, first; the volatile lock calls are never
 * planned away); then `flagSimilar` flags the testimony and every testimony of another account,
 * submitted within the coordinated window, whose fingerprint is similar enough (both ways, so each
 * appears flagged in the queue).
 *
 * Candidates are the testimonies sharing one of the fingerprint's 32 band keys (migration 0026's
 * coordinated_bands, GIN-indexed): every fingerprint at or above the threshold shares at least one,
 * so no similar pair is missed, and unrelated testimonies of the window are not read at all. Two
 * submissions at the same moment that could match share a band: the transaction first takes its
 * bands' locks, so the second one reads only after the first has committed and sees it (unrelated
 * submissions hold different locks and do not wait for one another). Callers take them before the
 * audit append, which takes the audit chain's lock: one order, no deadlock.
 */
export function coordinatedFingerprint(narrative: string) {
  const print = fingerprint(narrative);
  const bands = bandsOf(print);
  return {
    print,
    set: { fingerprint: print, fingerprintBands: bands },
    lockBands: sql`(select count(*) from (select pg_advisory_xact_lock(${bandLockClass}, k) from (select distinct hashint8(b) as k from unnest(${bands}) as b order by 1) as keys) as locked) >= 0`,
  };
}

const bandsOf = (print: readonly number[]) => sql`coordinated_bands(${`{${print.join(',')}}`}::int[])`;

/**
 * Flags the look-alikes of a fingerprint already stored with its band locks held by this transaction
 * (see above): this statement's snapshot is taken after them, so a look-alike submission that held
 * one of them has committed by then and is seen. The window setting is read in the same query.
 * Returns the flagged ids.
 */
export async function flagSimilar(tx: Tx, input: { testimonyId: string; submitterId: string; print: number[]; now: Date }): Promise<string[]> {
  const { print } = input;
  const hours = sql`coalesce((select case when jsonb_typeof(${settings.value}) = 'number' then (${settings.value} #>> '{}')::float8 end from ${settings} where ${settings.key} = 'coordinated_window_hours'), ${settingDefaults.coordinated_window_hours}::float8)`;
  // No "fingerprint is not null" here (a band key implies a fingerprint): with it the planner may walk
  // the window's partial submission-time index instead of the GIN one, testing every fingerprint of
  // the window (88 ms with 5,000 in it, against 0.5–9 ms by the bands).
  const candidates = await tx
    .select({ id: testimonies.id, fingerprint: testimonies.fingerprint })
    .from(testimonies)
    .where(
      and(
        sql`${testimonies.fingerprintBands} && ${bandsOf(print)}`,
        sql`${testimonies.submittedAt} >= ${input.now.toISOString()}::timestamptz - ${hours} * interval '1 hour'`,
        ne(testimonies.submitterId, input.submitterId),
      ),
    )
    .orderBy(desc(testimonies.submittedAt))
    .limit(candidateLimit);
  const similar = candidates
    .filter((c): c is { id: string; fingerprint: number[] } => c.fingerprint !== null)
    .map((c) => ({ id: c.id, score: similarity(print, c.fingerprint) }))
    .filter((c) => c.score >= coordinatedThreshold);
  if (similar.length) {
    await tx
      .insert(testimonyFlags)
      .values(similar.flatMap((c) => [
        { testimonyId: input.testimonyId, relatedTestimonyId: c.id, similarity: c.score },
        { testimonyId: c.id, relatedTestimonyId: input.testimonyId, similarity: c.score },
      ]))
      .onConflictDoNothing();
  }
  return similar.map((c) => c.id);
}
