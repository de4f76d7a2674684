// What the data page documents, in one list per file kind: each JSON field with the CSV column(s)
// that carry it. Built from the projection's key lists and the CSV column definitions, so a new
// field or column cannot be left out; open-data.integration.test.ts compares these names with the
// keys and headers the downloads actually have, and messages.test.ts that each has a meaning.
import { publicPersonKeys, publicTestimonyKeys } from '@/lib/memorial/dto';
import { csvColumnsOf, personCsv, testimonyCsv } from './export';
import { retractedCsvColumns, retractionKeys } from './retracted';

export type DocumentedField = { key: string; csv: string[] };

export const documentedFields = {
  person: [...publicPersonKeys, 'urls'].map((key): DocumentedField => ({ key, csv: csvColumnsOf(personCsv, key) })),
  testimony: publicTestimonyKeys.map((key): DocumentedField => ({ key, csv: csvColumnsOf(testimonyCsv, key) })),
  retraction: retractionKeys.map((key, i): DocumentedField => ({ key, csv: [retractedCsvColumns[i]!] })),
  /** The keys around the records in each JSON file (persons.json, testimonies.json; retracted has `data`). */
  file: ['generatedAt', 'source', 'licence', 'citation', 'retracted', 'persons', 'testimonies', 'data'].map((key): DocumentedField => ({ key, csv: [] })),
} as const;
