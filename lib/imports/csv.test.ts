import { describe, expect, it } from 'vitest';
import { CsvRefused, parseCsv } from './csv';

const bytes = (text: string) => new TextEncoder().encode(text);
const problemOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof CsvRefused ? error.problem : 'other';
  }
};

describe('parseCsv', () => {
  it('reads a UTF-8 file with a byte-order mark, quoted commas and line breaks, and Persian text', () => {
    const csv = '\uFEFFname,نام,cause\r\n"Gholipour, Ali",علی قلی‌پور,"shot\nin the chest"\r\n\r\nReza,رضا,\r\n';
    expect(parseCsv(bytes(csv))).toEqual({
      headers: ['name', 'نام', 'cause'],
      rows: [
        ['Gholipour, Ali', 'علی قلی‌پور', 'shot\nin the chest'],
        ['Reza', 'رضا', ''],
      ],
    });
  });

  it('detects semicolons and tabs, and keeps ragged rows to the header width', () => {
    expect(parseCsv(bytes('a;b\n1;2;3\n4\n')).rows).toEqual([['1', '2'], ['4']]);
    expect(parseCsv(bytes('a\tb\n1\t2\n')).rows).toEqual([['1', '2']]);
  });

  it('refuses empty, non-UTF-8 and malformed files with a reason', () => {
    expect(problemOf(() => parseCsv(bytes('')))).toBe('empty');
    expect(problemOf(() => parseCsv(bytes('only,a,header\n')))).toBe('empty');
    // "علی" in Windows-1256.
    expect(problemOf(() => parseCsv(new Uint8Array([0x6e, 0x0a, 0xda, 0xe1, 0xed, 0x0a])))).toBe('encoding');
    expect(problemOf(() => parseCsv(bytes('a,b\n"unclosed,1\n')))).toBe('malformed');
  });

  it('refuses more rows than the limit', () => {
    expect(problemOf(() => parseCsv(bytes(`n\n${'x\n'.repeat(20_001)}`)))).toBe('tooManyRows');
    expect(parseCsv(bytes(`n\n${'x\n'.repeat(20_000)}`)).rows.length).toBe(20_000);
  });
});
