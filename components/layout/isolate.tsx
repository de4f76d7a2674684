import type { ReactNode } from 'react';

/**
 * The `<isolate>` tag of the catalogues (`t.rich(key, { …, isolate })`): a username or a person's
 * name, typed in any script, kept apart from the sentence's direction — a Latin username inside a
 * Persian sentence (or a Persian name inside an English one) must not reorder the words around it.
 */
export const isolate = (chunks: ReactNode) => <bdi>{chunks}</bdi>;
