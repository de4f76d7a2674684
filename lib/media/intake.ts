// Checks on an upload's bytes, made while they arrive: as soon as the first bytes are known the
// type is decided (magic numbers, never the name), and the count of bytes is held to that kind's
// limit, so an over-size or disguised file is stopped mid-stream instead of after it was stored.
// The multipart route writes through `writeChecked`; receiveUpload checks the finished file again.
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@/lib/errors';
import { heicDecodable } from './image';
import { sizeLimitBytes } from './limits';
import { sniff, sniffLength, type SniffedType } from './sniff';

/** A refusal shown beside the file input; the key is under the `Media.errors` catalogue. */
export function uploadRefusal(key: string): AppError {
  return new AppError('invalid_input', { fieldErrors: { file: key } });
}

/** The accepted type of these leading bytes; throws the refusal the person should read. */
export function checkHead(head: Uint8Array): SniffedType {
  const type = sniff(head);
  if (!type) throw uploadRefusal('fileTypeRefused');
  if (type.mime === 'image/heic' && !heicDecodable()) throw uploadRefusal('heicUnsupported');
  return type;
}

export function checkSize(type: SniffedType, size: number): void {
  if (size === 0) throw uploadRefusal('fileMissing');
  if (size > sizeLimitBytes(type.kind)) throw uploadRefusal(`fileTooLarge.${type.kind}`);
}

/**
 * Writes `source` to `target` (a new private file), refusing as soon as the bytes are not an
 * accepted type or exceed their kind's limit. Answers the type and size of what was written.
 */
export async function writeChecked(source: Readable, target: string): Promise<{ type: SniffedType; size: number }> {
  let head = Buffer.alloc(0);
  let type: SniffedType | undefined;
  let size = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      try {
        if (!type) {
          head = Buffer.concat([head, chunk]);
          if (head.length < sniffLength) return done();
          type = checkHead(head);
          chunk = head;
        }
        checkSize(type, size);
        done(null, chunk);
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        if (!type) {
          if (head.length === 0) throw uploadRefusal('fileMissing');
          type = checkHead(head);
          this.push(head);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  await pipeline(source, check, createWriteStream(target, { mode: 0o600, flags: 'wx' }));
  return { type: type!, size };
}
