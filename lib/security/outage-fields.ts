// What the outage page (lib/security/outage-page.ts) does with each field of a form posted without
// JavaScript while the database is down. Fields people type are shown again, editable, under the
// label their form gives them; secrets are dropped (never written into a page); everything else
// (ids, choices, the action's own fields) goes back hidden so "Send again" repeats the post.
// lib/security/outage-fields.test.ts checks that every field an action keeps is listed here.

/** Field name → catalogue key of its label (the label the form itself shows, where one fits). */
export const typedFieldLabels: Readonly<Record<string, string>> = {
  newNameFa: 'Submit.about.nameFa',
  newNameLatin: 'Submit.about.nameLatin',
  newFatherName: 'Submit.about.fatherName',
  newAge: 'Submit.about.age',
  newBirthYear: 'Submit.about.birthYear',
  newCity: 'Submit.about.city',
  newCause: 'Submit.about.cause',
  narrative: 'Submit.account.narrative',
  eventPlace: 'Submit.account.eventPlace',
  creditName: 'Submit.consent.creditName',
  caption: 'Media.captionLabel',
  // The moderator's caption for readers (components/moderation/attachment-caption-form.tsx).
  publicCaption: 'ReviewFiles.captionLabel',
  // The submitter's answer, a staff message and a staff note all post `body`.
  body: 'Outage.fields.body',
  message: 'Moderation.requestChangesLabel',
  note: 'Moderation.rejectNoteLabel',
  redactedNarrative: 'Moderation.redactedTextLabel',
  nameFa: 'Persons.nameFa',
  nameLatin: 'Persons.nameLatin',
  nameEn: 'Collections.nameEn',
  descriptionFa: 'Collections.descriptionFa',
  descriptionEn: 'Collections.descriptionEn',
  slug: 'Collections.slug',
  url: 'Persons.sourceUrl',
  title: 'Persons.sourceTitle',
  username: 'SignIn.username',
  email: 'Account.email',
  coordinatedWindowHours: 'Settings.coordinatedWindow',
  // The staff person editor (components/moderation/person-form.tsx).
  fatherNameFa: 'PersonEditor.fields.fatherNameFa',
  fatherNameLatin: 'PersonEditor.fields.fatherNameLatin',
  age: 'PersonEditor.fields.age',
  birthYear: 'PersonEditor.fields.birthYear',
  occupation: 'PersonEditor.fields.occupation',
  incidentDate: 'PersonEditor.fields.incidentDate',
  city: 'PersonEditor.fields.city',
  place: 'PersonEditor.fields.place',
  cause: 'PersonEditor.fields.cause',
  verificationNote: 'Persons.verificationNote',
  // An export for investigators (components/admin/evidence-export-forms.tsx).
  recipientName: 'EvidenceExport.recipientName',
  recipientKey: 'EvidenceExport.recipientKey',
  testimonyIds: 'EvidenceExport.testimonyIds',
  personIds: 'EvidenceExport.personIds',
};

/** Kept by an action but chosen, not typed: sent back hidden, unchanged. */
export const chosenFields: ReadonlySet<string> = new Set([
  'personId', 'newGender', 'newIncidentCalendar', 'newIncidentPrecision', 'newIncidentYear', 'newIncidentMonth', 'newIncidentDay',
  'newProvince', 'newOutcome', 'newPerpetrator', 'newAftermath',
  'relationship', 'hand', 'eventCalendar', 'eventPrecision', 'eventYear', 'eventMonth', 'eventDay',
  'publish', 'credit', 'portraitPublic', 'exactPlacePublic', 'mayContact',
  'startsOn', 'endsOn', 'openForSubmissions', 'reason', 'role', 'collectionId', 'next',
  'filterStatus', 'gender', 'incidentDatePrecision', 'province', 'outcome', 'perpetrator', 'aftermath', 'sensitiveContent', 'status', 'verification',
  // The review form's pressed button (apply the ticks, save, publish: components/moderation/redaction-form.tsx).
  'mode',
  // Sign-up's "I have written this passphrase down" tick.
  'saved',
]);

/**
 * Secrets one action's own refusal gives back, by action name: only to the browser that just posted
 * them, in a no-store answer, as the field itself keeps them with JavaScript. The recovery code
 * (issue 18: a refused recovery without JavaScript made her find and type it again). The outage
 * page still drops them, like every secret.
 */
export const echoedSecrets: Readonly<Record<string, readonly string[]>> = {
  'account.recover': ['code'],
  // The passphrase sign-up generated and offered (a hidden field): hers once she chose it.
  'account.signUp': ['generated'],
};

/** Passphrases and one-time codes: never echoed into a page, not even hidden (but echoedSecrets). */
export const isSecretField = (name: string) => /passphrase|password|^code$|recovery|^generated$/i.test(name);
