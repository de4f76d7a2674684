import 'server-only';
import { headers } from 'next/headers';
import { requestAddressKey } from './address';

/** The hashed client address of the server action or page being run (lib/abuse/address.ts). */
export async function currentAddressKey(): Promise<string> {
  return requestAddressKey(await headers());
}
