// CSV for open-data downloads. Pure (no server-only): unit-tested and used by route handlers.
// - Cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe
//   (CSV/formula injection, OWASP): a testimony is free text written by anyone with an account.
// - UTF-8 with a byte-order mark, so Excel opens Persian text correctly; CRLF line ends (RFC 4180).
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

// Spreadsheets start a formula with = or @ whatever follows, and skip a leading control character
// (tab, CR, …) before looking. A leading + or - starts a formula only with something a formula
// can compute after it (a number, an operator, a call, a reference to another sheet or program):
// "-2+3", "+cmd|' /C calc'!A0". A name written with a leading dash, or "-" for "unknown", is
// text to every spreadsheet and stays exactly as the JSON has it.
const alwaysFormula = /^[=@\p{Cc}]/u;
const signed = /^[+-]/;
const computable = /[\d=+\-*/^&(|!@"':;,<>%]/;
// Invisible characters (bidi marks, zero-width joiners, BOM) and spaces a spreadsheet may skip
// before it looks at the first character: "\u200f=cmd" must be neutralised too.
const invisiblePrefix = /^[\p{Cf}\p{Zs}]+/u;

function startsFormula(text: string): boolean {
  if (alwaysFormula.test(text)) return true;
  return signed.test(text) && computable.test(text.slice(1));
}

/** A cell as written to the CSV: strings a spreadsheet would run as a formula get a leading `'`. */
export function neutralizeCell(value: CsvValue): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (startsFormula(value) || startsFormula(value.replace(invisiblePrefix, ''))) return `'${value}`;
  return value;
}

/** The byte-order mark that tells Excel the file is UTF-8. */
export const utf8Bom = '\uFEFF';

/** A whole CSV document: BOM, header row, then one line per record. */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return utf8Bom + csvLines([columns, ...rows]);
}

/** CSV lines without the BOM, for streaming a large download in chunks. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return '';
  return stringify(
    rows.map((row) => row.map(neutralizeCell)),
    { record_delimiter: 'windows', quoted_match: /[\r\n"]/ },
  );
}
