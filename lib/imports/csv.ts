// Reading an uploaded CSV file with csv-parse (the parser of the csv-stringify family the open-data
// exports already use): quoted fields with commas and line breaks, a UTF-8 byte-order mark (what
// Excel writes), comma, semicolon or tab separators, ragged rows. Pure: no database.
import { parse } from 'csv-parse/sync';

export const importLimits = { bytes: 10 * 1024 * 1024, rows: 20_000, columns: 60, cellChars: 5_000 } as const;

export type ParsedCsv = { headers: string[]; rows: string[][] };
export type CsvProblem = 'empty' | 'encoding' | 'tooLarge' | 'tooManyRows' | 'tooManyColumns' | 'malformed';

export class CsvRefused extends Error {
  constructor(readonly problem: CsvProblem) {
    super(problem);
    this.name = 'CsvRefused';
  }
}

/** The separator the header line uses most (outside quotes). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function parseCsv(bytes: Uint8Array): ParsedCsv {
  if (bytes.byteLength > importLimits.bytes) throw new CsvRefused('tooLarge');
  let text: string;
  try {
    // fatal: a file saved in another encoding is refused with a clear message, not imported garbled.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvRefused('encoding');
  }
  if (!text.trim()) throw new CsvRefused('empty');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // One more than allowed, so "too many" can be told apart from "exactly the limit".
      to: importLimits.rows + 2,
      max_record_size: importLimits.cellChars * importLimits.columns,
    }) as string[][];
  } catch {
    throw new CsvRefused('malformed');
  }
  const [headers, ...rows] = records;
  if (!headers || rows.length === 0) throw new CsvRefused('empty');
  if (rows.length > importLimits.rows) throw new CsvRefused('tooManyRows');
  if (headers.length > importLimits.columns) throw new CsvRefused('tooManyColumns');
  const width = headers.length;
  // Cells past the header's width have no column to be mapped from; long cells are cut (the row
  // check then reports the field as too long).
  return {
    headers: headers.map((h, i) => h || `#${i + 1}`),
    rows: rows.filter((r) => r.some((c) => c !== '')).map((r) => r.slice(0, width).map((c) => c.slice(0, importLimits.cellChars))),
  };
}
