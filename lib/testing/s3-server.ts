// A real S3-protocol server on loopback for tests and the bench (@20minutes/s3rver, a maintained
// fork of s3rver: Koa serving the S3 REST API from a folder, with AWS Signature V4 checked), so the
// media store and the resumable-upload store talk to a bucket through the AWS SDK over HTTP exactly
// as in a multi-server deployment. scripts/patches/@20minutes+s3rver+4.0.4.patch adds the multipart
// calls @tus/s3-store needs (ListParts, AbortMultipartUpload, ListMultipartUploads) and signs a
// path-style bucket URL as current SDKs do (`/bucket/`). Nothing leaves the machine: it listens on
// 127.0.0.1 on a free port and keeps its objects in a temporary folder removed on close.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import type { S3Config } from '@/lib/media/s3-config';

export type S3TestServer = {
  config: S3Config;
  /** The S3_* variables naming this server (for a server process started by a test). */
  env: Record<string, string>;
  close(): Promise<void>;
};

// s3rver's fixed credentials: a request signed with anything else is refused (SignatureDoesNotMatch).
const accessKeyId = 'S3RVER';
const secretAccessKey = 'S3RVER';

export async function startS3Server(bucket = 'yadman-media'): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'yadman-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    config: { bucket, endpoint, region: 'us-east-1', accessKeyId, secretAccessKey, forcePathStyle: true },
    env: { S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey, S3_FORCE_PATH_STYLE: 'true' },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
