import { describe, expect, it } from 'vitest';
import { csvLines, neutralizeCell, toCsv, utf8Bom } from './csv';

describe('CSV cells are neutralised against formula injection', () => {
  it.each([
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\u200f=HYPERLINK("x")', '\'\u200f=HYPERLINK("x")'],
    ['  =1', "'  =1"],
  ])('%j becomes %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it('leaves ordinary Persian and English text, numbers and empty values alone', () => {
    expect(neutralizeCell('آرش نمونه‌زاده (نمونه)')).toBe('آرش نمونه‌زاده (نمونه)');
    expect(neutralizeCell('مادر = شاهد')).toBe('مادر = شاهد');
    expect(neutralizeCell('Tehran')).toBe('Tehran');
    expect(neutralizeCell(22)).toBe(22);
    expect(neutralizeCell(null)).toBe('');
    expect(neutralizeCell(undefined)).toBe('');
    expect(neutralizeCell(true)).toBe('true');
  });

  it('neutralises Persian text that starts with a formula character', () => {
    expect(neutralizeCell('=سلام')).toBe("'=سلام");
    expect(neutralizeCell('-آرش')).toBe("'-آرش");
  });
});

describe('CSV documents', () => {
  it('start with a UTF-8 byte-order mark and a header row, with CRLF line ends', () => {
    const csv = toCsv(['name', 'count'], [['تهران', 3]]);
    expect(csv.startsWith(utf8Bom)).toBe(true);
    expect(csv.slice(1)).toBe('name,count\r\nتهران,3\r\n');
  });

  it('quotes commas, quotes and line breaks, and neutralises inside quoted cells', () => {
    const csv = csvLines([['a, b', 'say "hi"', 'line\nbreak', '=1,2']]);
    expect(csv).toBe('"a, b","say ""hi""","line\nbreak","\'=1,2"\r\n');
  });
});
