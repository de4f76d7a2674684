import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

const fallback = '/en/account';

describe('safeNextPath', () => {
  it.each([
    ['/en/account', '/en/account'],
    ['/en/staff/queue?page=2#top', '/en/staff/queue?page=2#top'],
    ['/en', '/en'],
  ])('keeps the same-site path %s', (next, expected) => {
    expect(safeNextPath(next, 'en', fallback)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['https://evil.example/en/account'],
    ['//evil.example/en/account'],
    ['/\\evil.example'],
    ['/en\\..\\..\\evil'],
    ['/en/../../evil'],
    ['/fa/account'],
    ['/english'],
    ['en/account'],
    ['javascript:alert(1)'],
    ['/en/\nSet-Cookie: x'],
    ['/en/sign-out'],
    ['/en/' + 'a'.repeat(2100)],
  ])('falls back for %s', (next) => {
    expect(safeNextPath(next, 'en', fallback)).toBe(fallback);
  });
});
