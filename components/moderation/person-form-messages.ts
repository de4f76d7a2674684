// The catalogue keys the person editor (person-form.tsx, a client component) reads, for the
// FormMessages around it: the parts of PersonEditor, Person and Persons it uses rather than the
// three whole namespaces (issue 21: ~7.7 KB of messages serialised into the review page's and the
// person page's flight data on every request, ~2 KB of them used). Not in person-form.tsx: a value
// exported by a client module reaches a server component as a client reference, not as its value.
// person-form-messages.test.ts checks that every key the form reads is covered.
export const personFormMessages = [
  'PersonEditor.fields',
  'PersonEditor.latinInPersian',
  'PersonEditor.persianInLatin',
  'PersonEditor.precision',
  'PersonEditor.none',
  'PersonEditor.save',
  'Person.gender',
  'Person.outcome',
  'Person.perpetrator',
  'Person.aftermath',
  'Persons.status',
  'Persons.verification',
  'Persons.verificationNote',
  'Persons.sensitiveContent',
];
