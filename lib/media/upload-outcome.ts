// What the files step shows after a multipart upload (app/api/uploads/form/route.ts redirects
// with `?upload=<outcome>`): importable by the route and the page.
export const uploadCaptionCookie = 'yadman-upload-caption';

const refusals = ['fileMissing', 'fileTypeRefused', 'heicUnsupported', 'rateLimited', 'fileTooLarge.image', 'fileTooLarge.video', 'fileTooLarge.audio', 'fileTooLarge.document'] as const;
export type UploadOutcome = { kind: 'received' } | { kind: 'refused'; key: (typeof refusals)[number] } | null;

/** The outcome named in the URL; anything unknown is ignored. */
export function parseUploadOutcome(value: unknown): UploadOutcome {
  if (value === 'received') return { kind: 'received' };
  const key = refusals.find((r) => r === value);
  return key ? { kind: 'refused', key } : null;
}
