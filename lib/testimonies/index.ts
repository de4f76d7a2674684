// The submitter's side of testimonies: drafts, submission, "My testimonies", withdrawal, retention.
export { editableSteps, nextEditableStep } from './access';
export { createDraft, getOwnDraft, ownEditableSteps, personCollectionSlug, publishedPersonsByIds, saveDraftStep } from './drafts';
export { parseDraft, type DraftData, type StepValues } from './draft-data';
export { getOwnTestimony, listOwnTestimonies, type OwnTestimonyDetail, type OwnTestimonySummary } from './own';
export { purgeStaleDrafts } from './purge';
export { submitTestimony, type SubmitResult } from './submit';
export { withdrawTestimony } from './withdraw';
