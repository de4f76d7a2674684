// CSV for open-data downloads. Pure (no server-only): unit-tested and used by route handlers.
// - Cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe
//   (CSV/formula injection, OWASP): a testimony is free text written by anyone with an account.
// - UTF-8 with a byte-order mark, so Excel opens Persian text correctly; CRLF line ends (RFC 4180).
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

// Spreadsheets start a formula with = + - @, and some treat a leading tab or CR as skippable.
const formulaStart = /^[=+\-@\t\r]/;
// Invisible characters (bidi marks, zero-width joiners, BOM) and spaces a spreadsheet may skip
// before it looks at the first character: "\u200f=cmd" must be neutralised too.
const invisiblePrefix = /^[\p{Cf}\p{Zs}]+/u;

/** A cell as written to the CSV: strings that could start a formula get a leading `'`. */
export function neutralizeCell(value: CsvValue): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (formulaStart.test(value) || formulaStart.test(value.replace(invisiblePrefix, ''))) return `'${value}`;
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
