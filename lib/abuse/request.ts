import 'server-only';
import { headers } from 'next/headers';
import { requestAddressKey } from './address';

/** The hashed client address of the server action or page being run (null when it has none). */
export async function currentAddressKey(): Promise<string | null> {
  return requestAddressKey(await headers());
}
