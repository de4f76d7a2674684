// Per-kind size limits (configurable: MEDIA_MAX_<KIND>_MB), checked before a byte is stored.
import { env } from '@/lib/env.mjs';
import type { MediaKind } from './sniff';

const megabyte = 1024 * 1024;

export function sizeLimitBytes(kind: MediaKind, e = env()): number {
  const mb = {
    image: e.MEDIA_MAX_IMAGE_MB,
    video: e.MEDIA_MAX_VIDEO_MB,
    audio: e.MEDIA_MAX_AUDIO_MB,
    document: e.MEDIA_MAX_DOCUMENT_MB,
  }[kind];
  return mb * megabyte;
}

/** The largest upload of any kind: the request body limit must allow it (next.config.mjs). */
export function largestUploadBytes(e = env()): number {
  return Math.max(...(['image', 'video', 'audio', 'document'] as const).map((k) => sizeLimitBytes(k, e)));
}

export function isWithinLimit(kind: MediaKind, size: number, e = env()): boolean {
  return size > 0 && size <= sizeLimitBytes(kind, e);
}
