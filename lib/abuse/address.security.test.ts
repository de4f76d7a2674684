// The client address is only ever a keyed hash that changes with the UTC day (issue 7).
import { describe, expect, it } from 'vitest';
import { recordFigure } from '@/lib/testing/security-figures';
import { addressKey, addressUnit, clientAddress, requestAddressKey, unknownAddressKey } from './address';
import { clientAddressHeader } from './client-address.mjs';

const secret = 'a test secret that is at least thirty-two characters';
const day1 = new Date('2026-11-25T23:59:59Z');
const day1Morning = new Date('2026-11-25T00:00:01Z');
const day2 = new Date('2026-11-26T00:00:01Z');
const addresses = ['203.0.113.77', '::ffff:203.0.113.77', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::9'];

describe('hashed client address', () => {
  it('is stable within a UTC day, rotates the next day, and never holds the address', () => {
    const keys = addresses.map((a) => [addressKey(a, day1, secret), addressKey(a, day1Morning, secret), addressKey(a, day2, secret)] as const);
    for (const [a, b, c] of keys) {
      expect(a).toBe(b);
      expect(c).not.toBe(a);
      expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    const leaks = keys.flat().filter((k) => addresses.some((a) => k.includes(a) || k.includes('203') || k.includes('113.77'))).length;
    recordFigure({ figure: 'address keys holding the address', measured: leaks, target: '0', ok: leaks === 0 });
    expect(leaks).toBe(0);
    expect(addressKey('203.0.113.77', day1, 'another secret, also long enough to be valid')).not.toBe(keys[0]![0]);
  });

  it('counts an IPv4 address, and an IPv6 address by its /64', () => {
    expect(addressUnit('::ffff:203.0.113.77')).toBe('203.0.113.77');
    expect(addressUnit('2001:db8:1:2:3:4:5:6')).toBe('2001:0db8:0001:0002::/64');
    expect(addressUnit('2001:DB8:1:2::9')).toBe('2001:0db8:0001:0002::/64');
    expect(addressUnit('2001:db8::1')).toBe('2001:0db8:0000:0000::/64');
    expect(addressKey('2001:db8:1:2:3:4:5:6', day1, secret)).toBe(addressKey('2001:db8:1:2::9', day1, secret));
    expect(addressKey('203.0.113.77', day1, secret)).toBe(addressKey('::ffff:203.0.113.77', day1, secret));
  });

  it('reads only the address the server stamped, never X-Forwarded-For; none counts as the shared "unknown"', () => {
    const h = (fields: Record<string, string>) => new Headers(fields);
    expect(clientAddress(h({ [clientAddressHeader]: '203.0.113.77', 'x-forwarded-for': '192.0.2.1' }))).toBe('203.0.113.77');
    expect(clientAddress(h({ 'x-forwarded-for': '192.0.2.1' }))).toBeNull();
    expect(clientAddress(h({ [clientAddressHeader]: 'not an address' }))).toBeNull();
    expect(requestAddressKey(h({ 'x-forwarded-for': '192.0.2.1' }))).toBe(unknownAddressKey);
    expect(requestAddressKey(h({ [clientAddressHeader]: '' }))).toBe(unknownAddressKey);
    expect(requestAddressKey(h({ [clientAddressHeader]: '203.0.113.77' }), day1)).toBe(addressKey('203.0.113.77', day1));
  });
});
