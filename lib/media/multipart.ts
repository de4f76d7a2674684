// The upload form without JavaScript: a plain multipart post to app/api/uploads/form/route.ts.
// The body is parsed as a stream (busboy) and the file written to a private temporary file with
// the type and size checks made while it arrives (intake.ts), so no upload is ever held whole in
// memory; receiveUpload then checks ownership, type and size again and stores it sealed.
import 'server-only';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/viewer';
import { requirePermission } from '@/lib/authz/guard';
import { AppError } from '@/lib/errors';
import { captionMaxLength } from '@/lib/validation/attachment';
import { uploadRefusal, writeChecked } from './intake';
import { largestUploadBytes } from './limits';
import { withTempDir } from './temp';
import { assertOwnEditableTestimony, receiveUpload } from './upload';
import { requestAddressKey } from '@/lib/abuse/address';

export type MultipartResult = {
  testimonyId: string;
  locale: 'fa' | 'en';
  caption: string;
  /** `received`, or the `Media.errors` key (or `rateLimited`) to show beside the form. */
  outcome: string;
};

type Parsed = { fields: Map<string, string>; file: string | null; refusal: AppError | null };

/** Streams the form: fields as text, the one file through the checks into `dir`. */
function parseForm(request: Request, dir: string): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    const parsed: Parsed = { fields: new Map(), file: null, refusal: null };
    const writes: Promise<void>[] = [];
    const parser = busboy({
      headers: Object.fromEntries(request.headers),
      // One file; busboy cuts it one byte past the largest limit, which writeChecked then refuses.
      limits: { files: 1, fields: 8, fieldSize: 4 * captionMaxLength, fileSize: largestUploadBytes() + 1 },
    });
    parser.on('field', (name, value) => parsed.fields.set(name, value));
    parser.on('file', (name, stream) => {
      if (name !== 'file' || parsed.file) return stream.resume();
      const target = path.join(dir, 'upload');
      // Through a stream of its own: a refusal ends that one, not busboy's, whose rest is then read
      // to nowhere. (A refused file's own stream, destroyed, held busboy waiting to hand it the
      // rest: a photo over its limit never got its answer.)
      const checked = stream.pipe(new PassThrough());
      writes.push(
        writeChecked(checked, target).then(
          () => void (parsed.file = target),
          (error: unknown) => {
            parsed.refusal = error instanceof AppError ? error : uploadRefusal('fileTypeRefused');
            stream.unpipe(checked);
            stream.resume(); // read the rest, so the browser gets the answer and not a reset
          },
        ),
      );
    });
    parser.on('error', reject);
    parser.on('close', () => Promise.all(writes).then(() => resolve(parsed), reject));
    if (!request.body) return reject(new AppError('invalid_input'));
    Readable.fromWeb(request.body as WebReadableStream<Uint8Array>).pipe(parser);
  });
}

export async function receiveMultipartUpload(db: Db, viewer: Viewer | null, request: Request): Promise<MultipartResult> {
  // Who asks is checked before a byte of the body is read or written anywhere.
  requirePermission(viewer, 'testimony.submit');
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) throw new AppError('invalid_input');
  return withTempDir(async (dir) => {
    const { fields, file, refusal } = await parseForm(request, dir);
    const result: MultipartResult = {
      testimonyId: fields.get('testimonyId') ?? '',
      locale: fields.get('locale') === 'en' ? 'en' : 'fa',
      caption: (fields.get('caption') ?? '').slice(0, captionMaxLength),
      outcome: 'received',
    };
    await assertOwnEditableTestimony(db, viewer, result.testimonyId);
    try {
      if (refusal) throw refusal;
      if (!file) throw uploadRefusal('fileMissing');
      // Counted when the file is stored (receiveUpload), not per post: the whole body has arrived
      // by now anyway, and a re-sent post of a file already received must not be refused.
      const countFor = { address: requestAddressKey(request.headers) };
      await receiveUpload(db, viewer, { testimonyId: result.testimonyId, path: file, caption: result.caption, keepOriginal: fields.get('keepOriginal') === 'on', countFor });
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid_input', 'rate_limited'].includes(error.code)) throw error;
      result.outcome = error.code === 'rate_limited' ? 'rateLimited' : (error.fieldErrors?.file ?? 'fileMissing');
    }
    return result;
  });
}
