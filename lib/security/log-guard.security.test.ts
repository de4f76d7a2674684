import { describe, expect, it } from 'vitest';
import { recordFigure } from '@/lib/testing/security-figures';
import { escapeControlCharacters, formatLogLine, installLogGuard } from './log-guard';

const hostile = [
  'line one\nFAKE 2026-01-01 admin signed in',
  'carriage\rreturn',
  'escape \u001b[31mred',
  'bidi \u202Eevil\u202C and \u2066isolate\u2069',
  'nul \u0000 and del \u007f',
  'line separator \u2028 here',
];

describe('log lines', () => {
  it('escape control and bidi characters, so request text cannot forge or reorder lines', () => {
    const unescaped = hostile.filter((text) => /[\u0000-\u001f\u007f\u2028\u202a-\u202e\u2066-\u2069]/.test(formatLogLine([text])));
    recordFigure({ figure: 'hostile log strings written unescaped', measured: unescaped.length, target: '0', ok: unescaped.length === 0 });
    expect(unescaped).toEqual([]);
    expect(escapeControlCharacters('a\nb\u202Ec')).toBe('a\\nb\\u202ec');
    expect(formatLogLine(['سلام\u200cدنیا'])).toBe('سلام\u200cدنیا'); // ZWNJ is part of Persian words
  });

  it('hold no IP address, whoever printed it', () => {
    const line = formatLogLine(['from 203.0.113.77 via 2001:db8::7 and ::ffff:198.51.100.1 at 12:30:45 in file.js:11:27']);
    expect(line).not.toMatch(/203\.0\.113\.77|2001:db8|198\.51/);
    expect(line).toContain('12:30:45');
    expect(line).toContain('file.js:11:27');
  });

  it('print an error as name, message and frames — never the bound values a driver attached', () => {
    const error = Object.assign(new Error('Failed query: insert into "testimonies" ("narrative") values ($1)\nparams: my brother was shot at the bridge'), {
      params: ['my brother was shot at the bridge'],
      query: 'insert …',
    });
    error.cause = Object.assign(new Error('duplicate key'), { detail: 'Key (narrative)=(my brother was shot at the bridge)' });
    const line = formatLogLine(['⨯', error]);
    expect(line).not.toContain('brother');
    expect(line).toContain('Failed query: insert into "testimonies"');
    expect(line).toContain('cause: Error: duplicate key');
    expect(line).not.toContain('\n');
  });

  it('print objects by shape only', () => {
    expect(formatLogLine([{ narrative: 'secret', userAgent: 'x' }])).toBe('[Object with 2 keys]');
  });

  it('are enforced on the console it is installed on', () => {
    const written: unknown[][] = [];
    const fake = { log: (...a: unknown[]) => written.push(a), info: (...a: unknown[]) => written.push(a), warn: (...a: unknown[]) => written.push(a), error: (...a: unknown[]) => written.push(a), debug: (...a: unknown[]) => written.push(a), trace: (...a: unknown[]) => written.push(a) };
    installLogGuard(fake);
    fake.error('from', '203.0.113.77', 'said\nhello');
    expect(written).toEqual([['from [address] said\\nhello']]);
  });
});
