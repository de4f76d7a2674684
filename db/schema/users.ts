import { bigint, boolean, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns';

export const userRole = pgEnum('user_role', ['submitter', 'moderator', 'admin']);

/**
 * Accounts are pseudonymous: a username suffices. There is deliberately no plain e-mail column;
 * an e-mail, if given, is stored encrypted under the account's own data key. No IP address is kept anywhere.
 */
export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  username: text().notNull(),
  // Lower-cased, NFKC-normalized form: uniqueness and sign-in lookups use this, so "Ali" and "ali"
  // cannot be two accounts.
  usernameKey: text().notNull().unique('users_username_key_unique'),
  // The contact e-mail, encrypted with this account's own data key (`data_key`, wrapped by the
  // master key: lib/crypto/envelope.ts); removing the e-mail deletes the key. Rows from before
  // migration 0017 have no key and an e-mail sealed with the global key (lib/crypto/secret-box.ts).
  emailEncrypted: text(),
  dataKey: text(),
  role: userRole().notNull().default('submitter'),
  passwordHash: text().notNull(),
  totpSecretEncrypted: text(),
  totpEnabledAt: tstz(),
  // Last accepted TOTP time step: a code is accepted once only (replay protection).
  totpLastStep: bigint({ mode: 'number' }),
  disabledAt: tstz(),
  isDemo: boolean().notNull().default(false),
  locale: text().notNull().default('fa'),
  createdAt: createdAt(),
  lastSeenAt: tstz(),
});

/** One-time 2FA recovery codes; only a hash is stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId)],
);

/** Staff invitations; the token itself is only shown once, the database keeps its hash. */
export const invitations = pgTable('invitations', {
  id: uuid().primaryKey().defaultRandom(),
  tokenHash: text().notNull().unique('invitations_token_hash_unique'),
  role: userRole().notNull(),
  // Set when the username is chosen by whoever made the link (the first-admin command).
  username: text(),
  createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  expiresAt: tstz().notNull(),
  usedAt: tstz(),
  usedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/**
 * Counters for rate-limiter-flexible's RateLimiterDrizzle (lib/abuse/limits.ts). Keys name an
 * account or a keyed hash, never an IP address: the threat model forbids storing addresses.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: tstz(),
});

/**
 * Form challenges already spent (lib/abuse/challenge.ts): each is accepted once. Rows name the
 * challenge's signature only, and are purged after `expires_at` by the retention sweep.
 */
export const usedChallenges = pgTable('used_challenges', {
  signature: text().primaryKey(),
  expiresAt: tstz().notNull(),
});

/**
 * One row per signed-in browser. The session cookie only names a row; the row decides whether
 * the session is alive, so revoking it (sign out everywhere, disable, new passphrase) takes
 * effect on the next request of every instance, and idle time is measured on the server.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: tstz().notNull().defaultNow(),
    // Staff sessions are limited to 2FA enrolment until a TOTP or recovery code is given.
    secondFactorAt: tstz(),
    revokedAt: tstz(),
  },
  (t) => [index().on(t.userId)],
);
