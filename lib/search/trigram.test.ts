import { describe, expect, it } from 'vitest';
import { nameLikeness, trigramSimilarity } from './trigram';

describe('trigramSimilarity (pg_trgm similarity)', () => {
  it('matches pg_trgm on known pairs', () => {
    // select similarity('word', 'two words') = 0.36363637 in PostgreSQL.
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(0.363636, 5);
    expect(trigramSimilarity('reza ahmadi', 'ahmadi reza')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
    expect(trigramSimilarity('', 'xyz')).toBe(0);
  });

  it('a shared surname alone is far from the same name', () => {
    expect(trigramSimilarity('رضا احمدی', 'نگار احمدی نژاد')).toBeLessThan(0.4);
    expect(trigramSimilarity('reza ahmadi', 'negar ahmadinejad test')).toBeLessThan(0.3);
  });
});

describe('nameLikeness', () => {
  it.each([
    ['arash ahmadi', 'ahmadi arash', 1],
    ['nasrin ahmadi', 'nasrin ahmadi', 1],
    ['reza ahmadi', 'mohammad reza ahmadi', 1],
  ])('%j and %j are the same name', (a, b, expected) => {
    expect(nameLikeness(a, b)).toBe(expected);
  });

  it.each([
    ['arash ahmady', 'arash ahmadi'],
    ['ali gulipur', 'ali ghulipur'],
    ['محمدرضا احمدی', 'محمد رضا احمدی'],
  ])('%j and %j are alike (≥ 0.5)', (a, b) => {
    expect(nameLikeness(a, b)).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['mahsa karimi', 'mehdi karimi'],
    ['farzad jafari', 'javad jafari'],
    ['reza ahmadi', 'negar ahmadinejad test'],
    ['رضا احمدی', 'نگار احمدی نژاد'],
    ['bahareh ghasemi', 'bahman ghasemi'],
  ])('%j and %j share no more than a family name (< 0.5)', (a, b) => {
    expect(nameLikeness(a, b)).toBeLessThan(0.5);
  });
});
