// The S3_* variables as one configuration, shared by the media store (s3-store.ts) and the
// resumable-upload store (tus.ts). No SDK import here: a server on the local folder never loads it.
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { Env } from '@/lib/env.mjs';

/** Where and how to reach the bucket (from the S3_* variables; tests start their own server). */
export type S3Config = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

/** The S3 configuration of an environment, or undefined when files stay in the local folder. */
export function s3ConfigOf(e: Env): S3Config | undefined {
  if (!e.S3_BUCKET) return undefined;
  return {
    bucket: e.S3_BUCKET,
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    // A custom endpoint (MinIO, Garage, Ceph, a loopback test server) rarely has per-bucket host names.
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
  };
}

/** The client settings shared by the media store and the resumable-upload store (lib/media/tus.ts). */
export function s3ClientConfig(c: S3Config): S3ClientConfig {
  return {
    region: c.region,
    endpoint: c.endpoint,
    forcePathStyle: c.forcePathStyle,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
  };
}
