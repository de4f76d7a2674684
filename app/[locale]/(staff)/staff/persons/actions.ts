'use server';
// Person record actions: parse, call one checked function in lib/persons (which checks the
// permission again and audits), then redirect to the page that re-renders from the database.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { versionField } from '@/lib/concurrency/version';
import { addAlias, addSource, approveMinorIdentity, createPerson, mergePersons, removeAlias, setTestimonyLink, undoMerge, updatePerson } from '@/lib/persons';

const locale = z.enum(['fa', 'en']).default('fa');
const person = z.object({ personId: z.uuid(), locale });
const optionalText = (max: number) => z.string().trim().max(max, 'invalid').transform((v) => v || null);
const personPath = (l: string, id: string, hash = '') => `/${l}/staff/persons/${id}${hash}`;

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
  schema: person.extend({
    nameFa: z.string().trim().min(1, 'required').max(200, 'invalid'),
    nameLatin: optionalText(200).default(''),
    fatherNameFa: optionalText(200).default(''),
    age: z.string().trim().regex(/^(\d{1,3})?$/, 'invalid').default('').transform((v) => (v ? Number(v) : null)).refine((v) => v === null || v <= 130, 'invalid'),
    city: optionalText(200).default(''),
    place: optionalText(500).default(''),
    status: z.enum(['draft', 'published', 'hidden']),
    sensitiveContent: z.enum(['on']).optional().transform((v) => v === 'on'),
    verification: z.enum(['unverified', 'corroborated', 'verified']),
    verificationNote: optionalText(2000).default(''),
    version: versionField,
  }),
  access: { permission: 'person.edit' },
  handler: async ({ personId, locale: l, version, ...patch }, { viewer, db }) => {
    await updatePerson(db, viewer, personId, patch, version);
    redirect(personPath(l, personId));
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
  schema: person.extend({ testimonyId: z.uuid(), linked: z.enum(['yes', 'no']) }),
  access: { permission: 'person.edit' },
  handler: async (input, { viewer, db }) => {
    await setTestimonyLink(db, viewer, { personId: input.personId, testimonyId: input.testimonyId, linked: input.linked === 'yes' });
    redirect(personPath(input.locale, input.personId, '#testimonies'));
  },
});

export const mergePersonAction = defineAction({
  name: 'person.merge',
  schema: person.extend({ targetId: z.uuid() }),
  access: { permission: 'person.merge' },
  handler: async (input, { viewer, db }) => {
    await mergePersons(db, viewer, { sourceId: input.personId, targetId: input.targetId });
    redirect(personPath(input.locale, input.targetId));
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
