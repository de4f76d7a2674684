// Which requests the step splice may answer (lib/forms-shell/step-fast.mjs): a plain page load of a
// spliced step by its URL alone; anything else is Next's.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { cookieValue, spliceableStep } from './step-fast.mjs';

const id = '0f0e6f7a-1b2c-4d5e-8f90-1234567890ab';
const req = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  ({ url, method, headers: { accept: 'text/html', 'sec-fetch-dest': 'document', ...headers } }) as unknown as IncomingMessage;

describe('spliceableStep', () => {
  it('takes a document load of the consent step', () => {
    expect(spliceableStep(req(`/en/submit/${id}/consent`))).toEqual({ locale: 'en', draftId: id, step: 'consent' });
    expect(spliceableStep(req(`/fa/submit/${id}/consent`, {}, 'HEAD'))).toEqual({ locale: 'fa', draftId: id, step: 'consent' });
  });
  it('leaves everything else to Next', () => {
    for (const r of [
      req(`/en/submit/${id}/consent?x=1`),
      req(`/en/submit/${id}/about`),
      req(`/en/submit/${id}/review`),
      req(`/de/submit/${id}/consent`),
      req(`/en/submit/${id.toUpperCase()}/consent`),
      req(`/en/submit/not-a-uuid/consent`),
      req(`/en/submit/${id}/consent`, {}, 'POST'),
      req(`/en/submit/${id}/consent`, { rsc: '1' }),
      req(`/en/submit/${id}/consent`, { 'next-router-prefetch': '1' }),
      req(`/en/submit/${id}/consent`, { 'next-action': 'x' }),
      req(`/en/submit/${id}/consent`, { 'sec-fetch-dest': 'empty' }),
      req(`/en/submit/${id}/files`),
      req(`/en/submit/${id}/toString`),
      req(`/en/submit/${id}/constructor`),
    ])
      expect(spliceableStep(r)).toBeNull();
  });
});

describe('cookieValue', () => {
  it('is the value when the cookie is there once, else undefined', () => {
    expect(cookieValue('a=1; yadman.session=abc; b=2', 'yadman.session')).toBe('abc');
    expect(cookieValue('yadman.session=abc; yadman.session=def', 'yadman.session')).toBeUndefined();
    expect(cookieValue('xyadman.session=abc', 'yadman.session')).toBeUndefined();
    expect(cookieValue(undefined, 'yadman.session')).toBeUndefined();
  });
});
