'use server';
// Person record actions: parse, call one checked function in lib/persons (which checks the
// permission again and audits), then redirect to the page that re-renders from the database.
// A redirect to the same page with only a new #hash is safe here, unlike on the review page's files
// or the import: each change that comes back with only a #hash revalidates the public data
// (lib/persons/edit.ts `audited`; a minor's identity approval when one is recorded), and a
// revalidation in an action re-renders the page the client lands on (e2e/moderation.e2e.ts adds
// an alias with JavaScript on and finds it listed).
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { personFormFields, personFormSchema, toPersonPatch } from '@/lib/validation/person';
import { addAlias, addSource, approveMinorIdentity, createPerson, mergePersons, removeAlias, setTestimonyLink, undoMerge, updatePerson } from '@/lib/persons';

const locale = z.enum(['fa', 'en']).default('fa');
const person = z.object({ personId: z.uuid(), locale });
const optionalText = (max: number) => z.string().trim().max(max, 'invalid').transform((v) => v || null);
const personPath = (l: string, id: string, hash = '') => `/${l}/staff/persons/${id}${hash}`;
/** A change waiting for a second moderator (four-eyes) comes back with a notice saying so. */
const awaiting = (outcome: string | null) => (outcome && outcome !== 'published' ? `?publication=${outcome}` : '');

export const createPersonAction = defineAction({
  name: 'person.create',
  schema: z.object({ locale, nameFa: z.string().trim().min(1, 'required').max(200, 'invalid'), nameLatin: optionalText(200).default(''), testimonyId: z.uuid().optional() }),
  access: { permission: 'person.create' },
  keep: ['nameFa', 'nameLatin'],
  handler: async (input, { viewer, db }) => {
    const id = await createPerson(db, viewer, input);
    redirect(personPath(input.locale, id));
  },
});

export const updatePersonAction = defineAction({
  name: 'person.update',
  schema: personFormSchema,
  access: { permission: 'person.edit' },
  keep: personFormFields,
  handler: async ({ personId, locale: l, returnTo, version, ...fields }, { viewer, db }) => {
    const { publication } = await updatePerson(db, viewer, personId, toPersonPatch(fields), version);
    const query = awaiting(publication);
    redirect(returnTo ? `/${l}/staff/testimonies/${returnTo}${query}#person-${personId}` : personPath(l, personId, `${query}#person-form`));
  },
});

export const addAliasAction = defineAction({
  name: 'person.addAlias',
  schema: person.extend({ name: z.string().trim().min(1, 'required').max(200, 'invalid') }),
  access: { permission: 'person.edit' },
  handler: async (input, { viewer, db }) => {
    await addAlias(db, viewer, input);
    redirect(personPath(input.locale, input.personId, '#aliases'));
  },
});

export const removeAliasAction = defineAction({
  name: 'person.removeAlias',
  schema: person.extend({ aliasId: z.uuid() }),
  access: { permission: 'person.edit' },
  handler: async (input, { viewer, db }) => {
    await removeAlias(db, viewer, input);
    redirect(personPath(input.locale, input.personId, '#aliases'));
  },
});

export const addSourceAction = defineAction({
  name: 'person.addSource',
  schema: person.extend({ url: z.string().trim().min(1, 'required').max(2000, 'invalid'), title: optionalText(300).default('') }),
  access: { permission: 'person.edit' },
  keep: ['url', 'title'],
  handler: async (input, { viewer, db }) => {
    await addSource(db, viewer, input);
    redirect(personPath(input.locale, input.personId, '#sources'));
  },
});

export const linkTestimonyAction = defineAction({
  name: 'person.linkTestimony',
  // Unlinking can take a testimony off the memorial: only once the moderator confirmed it.
  schema: person
    .extend({ testimonyId: z.uuid(), linked: z.enum(['yes', 'no']), confirm: z.enum(['yes']).optional() })
    .refine((v) => v.linked === 'yes' || v.confirm === 'yes', { path: ['confirm'], message: 'confirmUnlink' }),
  access: { permission: 'person.edit' },
  handler: async (input, { viewer, db }) => {
    const { publication } = await setTestimonyLink(db, viewer, { personId: input.personId, testimonyId: input.testimonyId, linked: input.linked === 'yes' });
    redirect(personPath(input.locale, input.personId, `${awaiting(publication)}#testimonies`));
  },
});

export const mergePersonAction = defineAction({
  name: 'person.merge',
  schema: person.extend({ targetId: z.uuid() }),
  access: { permission: 'person.merge' },
  handler: async (input, { viewer, db }) => {
    const { outcome } = await mergePersons(db, viewer, { sourceId: input.personId, targetId: input.targetId });
    redirect(outcome === 'published' ? personPath(input.locale, input.targetId) : personPath(input.locale, input.personId, `${awaiting(outcome)}#merge`));
  },
});

export const undoMergeAction = defineAction({
  name: 'person.undoMerge',
  schema: person,
  access: { permission: 'person.merge' },
  handler: async (input, { viewer, db }) => {
    await undoMerge(db, viewer, { sourceId: input.personId });
    redirect(personPath(input.locale, input.personId));
  },
});

/** A moderator's approval of publishing a minor's full name and portrait (two are needed). */
export const approveMinorIdentityAction = defineAction({
  name: 'person.approveMinorIdentity',
  schema: person,
  access: { permission: 'person.verify' },
  handler: async (input, { viewer, db }) => {
    await approveMinorIdentity(db, viewer, { personId: input.personId });
    redirect(personPath(input.locale, input.personId, '#minor-identity'));
  },
});
