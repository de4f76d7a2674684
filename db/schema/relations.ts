import { relations } from 'drizzle-orm';
import { attachments } from './attachments';
import { collections } from './collections';
import { messages } from './messages';
import { personAliases, persons, personSources } from './persons';
import { testimonies, testimonyPersons, testimonyRevisions } from './testimonies';
import { users } from './users';

// Relations for `db.query.*` (relational queries). They add no SQL, only join knowledge.
export const collectionsRelations = relations(collections, ({ many }) => ({
  persons: many(persons),
  testimonies: many(testimonies),
}));

export const personsRelations = relations(persons, ({ one, many }) => ({
  collection: one(collections, { fields: [persons.collectionId], references: [collections.id] }),
  aliases: many(personAliases),
  sources: many(personSources),
  testimonies: many(testimonyPersons),
  portrait: one(attachments, { fields: [persons.portraitAttachmentId], references: [attachments.id] }),
}));

export const personAliasesRelations = relations(personAliases, ({ one }) => ({
  person: one(persons, { fields: [personAliases.personId], references: [persons.id] }),
}));

export const personSourcesRelations = relations(personSources, ({ one }) => ({
  person: one(persons, { fields: [personSources.personId], references: [persons.id] }),
}));

export const testimoniesRelations = relations(testimonies, ({ one, many }) => ({
  collection: one(collections, { fields: [testimonies.collectionId], references: [collections.id] }),
  submitter: one(users, { fields: [testimonies.submitterId], references: [users.id] }),
  revisions: many(testimonyRevisions, { relationName: 'revisions' }),
  currentRevision: one(testimonyRevisions, {
    fields: [testimonies.currentRevisionId],
    references: [testimonyRevisions.id],
    relationName: 'current',
  }),
  publishedRevision: one(testimonyRevisions, {
    fields: [testimonies.publishedRevisionId],
    references: [testimonyRevisions.id],
    relationName: 'published',
  }),
  persons: many(testimonyPersons),
  attachments: many(attachments),
  messages: many(messages),
}));

export const testimonyRevisionsRelations = relations(testimonyRevisions, ({ one }) => ({
  testimony: one(testimonies, {
    fields: [testimonyRevisions.testimonyId],
    references: [testimonies.id],
    relationName: 'revisions',
  }),
}));

export const testimonyPersonsRelations = relations(testimonyPersons, ({ one }) => ({
  testimony: one(testimonies, { fields: [testimonyPersons.testimonyId], references: [testimonies.id] }),
  person: one(persons, { fields: [testimonyPersons.personId], references: [persons.id] }),
}));

export const attachmentsRelations = relations(attachments, ({ one }) => ({
  testimony: one(testimonies, { fields: [attachments.testimonyId], references: [testimonies.id] }),
  person: one(persons, { fields: [attachments.personId], references: [persons.id] }),
}));

export const messagesRelations = relations(messages, ({ one }) => ({
  testimony: one(testimonies, { fields: [messages.testimonyId], references: [testimonies.id] }),
  author: one(users, { fields: [messages.authorId], references: [users.id] }),
}));
