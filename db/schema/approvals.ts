import { index, pgTable, primaryKey, real, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { persons } from './persons';
import { testimonies, testimonyRevisions } from './testimonies';
import { users } from './users';

/**
 * Four-eyes (PRODUCT.md §4): a moderator's approval of one revision. With the setting on, a
 * revision is published only by a second, different moderator, and what is published is the text
 * the first one approved: the revision's redaction draft, fixed from the first approval on (unique
 * per revision and moderator).
 */
export const testimonyApprovals = pgTable(
  'testimony_approvals',
  {
    id: uuid().primaryKey().defaultRandom(),
    testimonyId: uuid()
      .notNull()
      .references(() => testimonies.id, { onDelete: 'cascade' }),
    revisionId: uuid()
      .notNull()
      .references(() => testimonyRevisions.id, { onDelete: 'cascade' }),
    moderatorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique('testimony_approvals_revision_moderator_key').on(t.revisionId, t.moderatorId), index().on(t.testimonyId)],
);

/**
 * A minor's full name and portrait are public only after two different moderators approved them
 * (issue 5, "Minors"); until then the public projection shows initials and no portrait.
 */
export const personIdentityApprovals = pgTable(
  'person_identity_approvals',
  {
    personId: uuid()
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    moderatorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.moderatorId] })],
);

/**
 * "Possible coordinated submission": near-identical narratives from different accounts within the
 * configured window. Written once per pair and direction at submission, so each side links the other.
 */
export const testimonyFlags = pgTable(
  'testimony_flags',
  {
    testimonyId: uuid()
      .notNull()
      .references(() => testimonies.id, { onDelete: 'cascade' }),
    relatedTestimonyId: uuid()
      .notNull()
      .references(() => testimonies.id, { onDelete: 'cascade' }),
    similarity: real().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.testimonyId, t.relatedTestimonyId] }), index().on(t.relatedTestimonyId)],
);

/**
 * The publication rule's approvals for everything that is not a testimony's revision (issue 15): a
 * person's status becoming `published`, a file becoming public on a published testimony, a merge
 * or a link that shows something on a public page. Keyed by the exact public content approved (a
 * SHA-256 of it, `fingerprint`): a change after an approval needs approving anew. With four-eyes on,
 * the change happens only when two different moderators approved the same fingerprint
 * (lib/moderation/publication.ts).
 */
export const publicationApprovals = pgTable(
  'publication_approvals',
  {
    kind: text().notNull(), // 'person' | 'attachment' | 'merge' | 'link'
    targetId: uuid().notNull(),
    fingerprint: text().notNull(),
    moderatorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.targetId, t.fingerprint, t.moderatorId] })],
);
