// Person records as staff manage them (PRODUCT.md §3 "Person").
export { getStaffPerson, listStaffPersons, type PersonStatus, type StaffPersonQuery, type StaffPerson, type StaffPersonSummary } from './read';
export { addAlias, addSource, createPerson, removeAlias, setTestimonyLink, updatePerson, type PersonPatch } from './edit';
export { mergePersons, undoMerge } from './merge';
export { approveMinorIdentity, getMinorIdentity, type MinorIdentity } from './minor-identity';
