import { describe, expect, it } from 'vitest';
import { percentile, shortfall, verdict } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('judges figures against their targets', () => {
    expect(verdict(30, { atMost: 30 })).toBe('met');
    expect(verdict(31, { atMost: 30 })).toBe('missed');
    expect(verdict(999, { atLeast: 1000 })).toBe('missed');
    expect(verdict(5, undefined)).toBe('info');
    expect(shortfall(42, { atMost: 30 })).toBe('+40 %');
    expect(shortfall(600, { atLeast: 1000 })).toBe('-40 %');
  });
});
