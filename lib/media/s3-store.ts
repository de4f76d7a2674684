// S3-compatible object storage (AWS S3, MinIO, Garage, Ceph RGW, …) for production instances
// that run several servers or want media off the application disk. Objects are private: they
// are only ever read by the serving route, which authorizes every request.
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { Env } from '@/lib/env.mjs';
import { assertKey, collect, type MediaStore } from './storage';

export function s3Store(e: Env): MediaStore {
  const client = new S3Client({
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
    credentials: { accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! },
  });
  const Bucket = e.S3_BUCKET!;

  async function getStream(key: string): Promise<Readable> {
    assertKey(key);
    const result = await client.send(new GetObjectCommand({ Bucket, Key: key }));
    return result.Body as Readable;
  }

  return {
    async put(key, body) {
      assertKey(key);
      // PutObject needs a known length; media arrives as a stream, so buffer it (limits cap the size).
      const bytes = Buffer.isBuffer(body) ? body : await collect(body);
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
    },
    getStream,
    async getBuffer(key) {
      return collect(await getStream(key));
    },
    async delete(key) {
      assertKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async *list() {
      for (const Prefix of ['originals/', 'public/']) {
        let ContinuationToken: string | undefined;
        do {
          const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
          for (const object of page.Contents ?? []) {
            if (object.Key && object.LastModified) yield { key: object.Key, modifiedAt: object.LastModified };
          }
          ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (ContinuationToken);
      }
    },
  };
}
