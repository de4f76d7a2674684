// @ts-check
// The one place the process environment is read and validated. Plain ESM so that
// next.config.js, the migrator and the seed scripts (run by Node, outside Next) share it.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  YADMAN_DATA_DIR: z.string().min(1).default('.data'),
  YADMAN_DEMO: bool.optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 33)').optional(),
  // The Ed25519 key that signs audit checkpoints (lib/audit/checkpoint.ts): base64 of a 32-byte seed
  // (try: openssl rand -base64 32). Unset: derived from AUTH_SECRET (docs/security.md).
  AUDIT_SIGNING_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 random bytes (try: openssl rand -base64 32)')
    .optional(),
  AUTH_URL: z.url('must be the public URL of the site, e.g. https://yadman.example').optional(),
  // Sessions (lib/auth/sessions.ts) end after this long without a request — any page or save,
  // a 30-second autosave included — and, however active, this many hours after sign-in: a phone
  // may be seized, and what is signed in on it must not outlast the day. The session cookie expires
  // with the absolute limit too, so no lasting sign-in is left in the browser.
  SESSION_IDLE_STAFF_MINUTES: positiveInt.default(120),
  SESSION_IDLE_SUBMITTER_MINUTES: positiveInt.default(180),
  SESSION_MAX_HOURS: positiveInt.max(24 * 7).default(12),
  // How long a moderator's claim on a testimony holds before another moderator may take it.
  CLAIM_MINUTES: positiveInt.default(30),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Unsubmitted drafts untouched for this many days are deleted (lib/testimonies/purge.ts).
  DRAFT_RETENTION_DAYS: positiveInt.default(30),
  // Rejected and withdrawn testimonies unchanged for this many days are deleted with their files.
  CLOSED_RETENTION_DAYS: positiveInt.default(90),
  // Abuse limits (lib/abuse/limits.ts): allowances per account and per hashed client address;
  // windows are fixed (sign-up 1 h, sign-in 15 min, submission 24 h, upload 1 h, message 1 h).
  // Addresses are generous: in Iran many families share one carrier address (CGNAT).
  LIMIT_SIGN_UP_ADDRESS: positiveInt.default(20),
  LIMIT_SIGN_IN_ACCOUNT: positiveInt.default(5),
  LIMIT_SIGN_IN_ADDRESS: positiveInt.default(100),
  // Free sign-in guesses per account over all addresses (LIMIT_SIGN_IN_ACCOUNT: per account and
  // address); past either, each guess costs a proof of work or the timed challenge (lib/abuse/guesses.ts).
  LIMIT_SIGN_IN_ACCOUNT_TOTAL: positiveInt.default(20),
  LIMIT_SUBMISSION_ACCOUNT: positiveInt.default(10),
  LIMIT_SUBMISSION_ADDRESS: positiveInt.default(50),
  LIMIT_UPLOAD_ACCOUNT: positiveInt.default(60),
  LIMIT_UPLOAD_ADDRESS: positiveInt.default(300),
  LIMIT_MESSAGE_ACCOUNT: positiveInt.default(60),
  LIMIT_MESSAGE_ADDRESS: positiveInt.default(300),
  // Form challenges (lib/abuse/challenge.ts): a sign-up or submission form is accepted this many
  // seconds after the page issued it at the earliest, and at most CHALLENGE_MAX_AGE_MINUTES after.
  CHALLENGE_WAIT_SECONDS: z.coerce.number().int().min(0).max(600).default(5),
  CHALLENGE_MAX_AGE_MINUTES: positiveInt.default(24 * 60),
  // Proof of work (lib/abuse/proof-of-work.ts): with JavaScript the form solves a challenge
  // instead of waiting; the browser tries up to this many PBKDF2 derivations (half on average).
  ALTCHA_MAX_NUMBER: positiveInt.max(1_000_000).default(2000),
  // How many reverse proxies in front append to X-Forwarded-For (lib/abuse/address.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // Stored files no attachment row names (left by a crash between storing and committing) are
  // deleted once older than this (lib/media/orphans.ts); longer than any upload takes to finish.
  MEDIA_ORPHAN_MINUTES: positiveInt.default(60),
  // Uploads (lib/media): the largest file accepted per kind, in megabytes. A multipart upload is
  // held in memory while Next parses it, so keep these modest.
  MEDIA_MAX_IMAGE_MB: positiveInt.default(25),
  MEDIA_MAX_VIDEO_MB: positiveInt.default(200),
  MEDIA_MAX_AUDIO_MB: positiveInt.default(100),
  MEDIA_MAX_DOCUMENT_MB: positiveInt.default(25),
  // ffmpeg strips container metadata from video and audio; without it such files stay moderators-only.
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  // S3-compatible object storage for media; when S3_BUCKET is unset, files go to YADMAN_DATA_DIR/media.
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.url('must be the URL of the S3-compatible service').optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.optional(),
  // The public cache (lib/public-cache): memory for rendered public documents, in megabytes;
  // 0 turns it off. A person page is about 50 KB with its compressed form.
  PUBLIC_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // Submission steps loaded by their owner, spliced into the step's shell by scripts/server.mjs
  // (lib/forms-shell) instead of rendered by Next; off: every step is rendered by Next.
  STEP_SHELLS: bool.default(true),
  // Public reads that cost the database (lib/abuse/public-reads.ts): searches and browse pages past
  // the first, and the open-data API, per hashed client address per minute. Generous (CGNAT, above);
  // a page served from the cache is never counted.
  LIMIT_SEARCH_ADDRESS: positiveInt.default(120),
  LIMIT_OPEN_DATA_ADDRESS: positiveInt.default(120),
  // Form posts to pages (Server Function requests, lib/abuse/action-posts.ts) per client address per
  // minute, counted in each process's memory: a bound on a flood at React's reply decoder.
  LIMIT_ACTION_ADDRESS: positiveInt.default(300),
  // The longest one statement of a public read may run (search, browse, open data), in milliseconds.
  PUBLIC_STATEMENT_TIMEOUT_MS: positiveInt.default(3000),
  // "Leave quickly" (app/[locale]/leave/route.ts) ends the session and opens this neutral page outside
  // the site (a link away: the site itself loads nothing from it).
  QUICK_EXIT_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of a neutral site' }).default('https://www.google.com/search?q=weather'),
  // Optional e-mail notices (lib/notifications/email.ts): an SMTP server as a URL, e.g.
  // smtps://user:pass@mail.example:465 or smtp://127.0.0.1:25. Unset: no e-mail is sent, and no
  // page offers or promises one. SMTP_FROM is the sender; it should not name the site.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  SMTP_FROM: z.email('must be an e-mail address').optional(),
});

/** @typedef {z.infer<typeof schema> & { databaseDriver: 'pglite' | 'postgres', dataDir: string, demoMode: boolean }} Env */

/**
 * Parse and check an environment. Throws one Error naming every bad variable.
 * @param {Record<string, string | undefined>} source
 * @param {{ requireSecrets?: boolean }} [options] secrets are not needed to build, only to serve
 * @returns {Env}
 */
export function parseEnv(source, options = {}) {
  // Empty strings are treated as unset, the way shells and .env files usually mean them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  // Renamed settings are refused by name rather than ignored: the operator learns the new one.
  if (cleaned.SESSION_IDLE_SUBMITTER_DAYS !== undefined) {
    throw new Error('Invalid configuration:\n  - SESSION_IDLE_SUBMITTER_DAYS: replaced by SESSION_IDLE_SUBMITTER_MINUTES (default 180) and SESSION_MAX_HOURS (default 12)');
  }
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const databaseDriver = env.DATABASE_URL ? 'postgres' : 'pglite';
  // Demo data and demo accounts only ever exist by default on the embedded database.
  const demoMode = env.YADMAN_DEMO ?? databaseDriver === 'pglite';
  if (options.requireSecrets && env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    throw new Error(
      'Invalid configuration:\n  - AUTH_SECRET: required in production (try: openssl rand -base64 33)',
    );
  }
  // Every absolute URL on a public page (canonical, citation, feed, sitemap, API) comes from
  // AUTH_URL, never from the request's Host: cached pages are the same for every reader.
  if (options.requireSecrets && env.NODE_ENV === 'production' && !env.AUTH_URL) {
    throw new Error('Invalid configuration:\n  - AUTH_URL: required in production (the public URL of the site, e.g. https://yadman.example)');
  }
  if (env.S3_BUCKET && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)) {
    throw new Error('Invalid configuration:\n  - S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required when S3_BUCKET is set');
  }
  return { ...env, databaseDriver, dataDir: path.resolve(env.YADMAN_DATA_DIR), demoMode };
}

/** @type {Env | undefined} */
let cached;

/** The validated environment of this process (read once). */
export function env() {
  cached ??= parseEnv(process.env);
  return cached;
}
