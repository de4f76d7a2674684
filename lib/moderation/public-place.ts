// The place a published testimony shows when its submitter did not consent to the exact one: the
// city of the person it is about. It is fixed when the testimony (or its newer revision) is
// published, from the persons as the review's preview showed them, and stored on the revision
// (testimony_revisions.public_city): a later edit of the person's city changes the person's page,
// never a published testimony unseen (only its own moderation does). Pure: the preview
// (lib/moderation/preview.ts) and publishing (lib/moderation/decisions.ts) use the same rule.

export type PlacePerson = { id: string; status: string; city: string | null; mergedIntoId?: string | null };

/**
 * The city of the first person, by id, among those public once the testimony is published:
 * published ones and drafts (publishing confirms them), never a hidden or merged record.
 */
export function publicCityOf(persons: readonly PlacePerson[]): string | null {
  const shown = persons.filter((p) => (p.status === 'published' || p.status === 'draft') && !p.mergedIntoId);
  const first = shown.reduce<PlacePerson | undefined>((min, p) => (!min || p.id < min.id ? p : min), undefined);
  return first?.city ?? null;
}
