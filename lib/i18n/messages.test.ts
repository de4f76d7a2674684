import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import fa from './messages/fa.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leaves);
}

describe('message catalogues', () => {
  it('Persian and English have the same keys', () => {
    expect(keys(fa).sort()).toEqual(keys(en).sort());
  });

  it('no message is empty', () => {
    for (const catalogue of [fa, en]) {
      for (const leaf of leaves(catalogue)) expect(typeof leaf === 'string' && leaf.trim()).toBeTruthy();
    }
  });
});
