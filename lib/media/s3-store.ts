// S3-compatible object storage (AWS S3, MinIO, Garage, Ceph RGW, …) for production instances
// that run several servers or want media off the application disk. Objects are private: they
// are only ever read by the serving route, which authorizes every request.
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { s3ClientConfig, type S3Config } from './s3-config';
import { assertKey, collect, type MediaStore } from './storage';

/** Part size of multipart uploads: the SDK keeps at most `queueSize` parts of it in memory. */
const partSize = 8 * 1024 * 1024;

export function s3Store(c: S3Config): MediaStore {
  const client = new S3Client(s3ClientConfig(c));
  const Bucket = c.bucket;

  async function getStream(key: string): Promise<Readable> {
    assertKey(key);
    const result = await client.send(new GetObjectCommand({ Bucket, Key: key }));
    return result.Body as Readable;
  }

  return {
    async put(key, body) {
      assertKey(key);
      // Streamed in parts (multipart upload above one part): a 200 MB video never sits whole in
      // memory, whatever number of uploads arrive at once. A failed upload is aborted, not left
      // as parts the bucket keeps (and bills) forever.
      await new Upload({ client, params: { Bucket, Key: key, Body: body }, partSize, queueSize: 2, leavePartsOnError: false }).done();
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
