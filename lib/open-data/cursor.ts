// The API's opaque page cursor: base64url of the keyset position. Opaque so clients follow
// `pagination.next` instead of building positions; checked on the way in, so a forged cursor is a
// 400 and never reaches SQL as anything but a timestamp and a uuid.
import { z } from 'zod';
import type { TestimonyCursor } from '@/lib/memorial/testimonies';

const position = z.tuple([z.iso.datetime({ offset: true, precision: 6 }).nullable(), z.uuid()]);

export function encodeCursor(c: TestimonyCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

export function decodeCursor(value: string): TestimonyCursor | null {
  try {
    const parsed = position.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? { at: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
