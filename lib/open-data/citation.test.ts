// The citation forms parse as the tools that read them expect: a {{cite web}} template whose
// parameters split on `|` exactly as written, a BibTeX entry with balanced braces whose fields read
// back to the record (escapes undone), an RIS record of `TAG  - value` lines from TY to ER, and a
// schema.org Dataset whose every address is on the configured origin.
import { describe, expect, it } from 'vitest';
import { bibtex, bibtexEscape, bulkFiles, citeWeb, datasetCitation, datasetJsonLd, ris, type CitedRecord } from './citation';

const record: CitedRecord = {
  id: '3f6c2a1e-9b7d-4c1a-8e2f-0a1b2c3d4e5f',
  title: 'Arash Example (demo)',
  url: 'https://yadman.example/en/persons/arash-example-3f6c2a1e-9b7d-4c1a-8e2f-0a1b2c3d4e5f',
  publishedAt: '2020-01-05T10:00:00.000Z',
  updatedAt: '2021-03-04T05:06:07.000Z',
  locale: 'en',
  collection: 'Aban 1398 (November 2019)',
};
// Names people really have, and what a hostile record could hold.
const hard: CitedRecord = { ...record, title: 'Ali {the} 100% "Reza" & Co_#1 | x}} ~^\\ =y\nnext line', collection: 'A|B}}' };

/** A minimal BibTeX reader: `@type{key,` then `name = {value}` fields with nested braces. */
function parseBibtex(text: string): { type: string; key: string; fields: Record<string, string> } {
  const head = /^@(\w+)\{([^,\s]+),\n/.exec(text);
  if (!head) throw new Error('no entry head');
  const fields: Record<string, string> = {};
  let i = head[0].length;
  for (;;) {
    const name = /^\s*(\w+)\s*=\s*\{/.exec(text.slice(i));
    if (!name) break;
    i += name[0].length;
    let depth = 1;
    let value = '';
    while (depth > 0) {
      const c = text[i++];
      if (c === undefined) throw new Error(`unbalanced braces in ${name[1]}`);
      if (c === '\\') {
        value += c + text[i++];
        continue;
      }
      if (c === '{') depth++;
      if (c === '}') depth--;
      if (depth > 0) value += c;
    }
    fields[name[1]!] = value;
    const sep = /^,?\n/.exec(text.slice(i));
    if (!sep) break;
    i += sep[0].length;
  }
  if (text.slice(i).trim() !== '}') throw new Error(`trailing text: ${JSON.stringify(text.slice(i))}`);
  return { type: head[1]!, key: head[2]!, fields };
}

const unescapeBibtex = (v: string) =>
  v.replace(/\\textbackslash\{\}/g, '\\').replace(/\\textasciicircum\{\}/g, '^').replace(/\\textasciitilde\{\}/g, '~').replace(/\\([{}$&%#_])/g, '$1');

/** RIS: every line `XX  - value`, TY first and ER last. */
function parseRis(text: string): [string, string][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  return lines.map((line) => {
    const m = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    if (!m) throw new Error(`not an RIS line: ${JSON.stringify(line)}`);
    return [m[1]!, m[2]!];
  });
}

/** Template parameters split as MediaWiki does: on `|` outside nested templates. */
function parseCiteWeb(text: string): Record<string, string> {
  const m = /^\{\{cite web (.*)\}\}$/s.exec(text);
  if (!m) throw new Error('not a cite web template');
  expect(m[1]).not.toContain('}}');
  expect(m[1]).not.toContain('\n');
  return Object.fromEntries(
    m[1]!
      .split('|')
      .filter((p) => p.trim())
      .map((p) => {
        const at = p.indexOf('=');
        return [p.slice(0, at).trim(), p.slice(at + 1).trim()];
      }),
  );
}
const decodeEntities = (v: string) => v.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

describe('{{cite web}}', () => {
  it('carries the address, title, site, date and record id', () => {
    expect(parseCiteWeb(citeWeb(record))).toEqual({
      url: record.url,
      title: 'Arash Example (demo)',
      website: 'Yadman — Aban 1398 (November 2019)',
      publisher: 'Yadman',
      date: '2020-01-05',
      id: record.id,
      language: 'en',
    });
  });

  it('keeps a title with | }} = and a line break inside its own parameter', () => {
    const params = parseCiteWeb(citeWeb(hard));
    expect(Object.keys(params)).toEqual(['url', 'title', 'website', 'publisher', 'date', 'id', 'language']);
    expect(decodeEntities(params.title!)).toBe('Ali {the} 100% "Reza" & Co_#1 | x}} ~^\\ =y next line');
  });

  it('leaves out a date the record does not have', () => {
    expect(parseCiteWeb(citeWeb({ ...record, publishedAt: null }))).not.toHaveProperty('date');
  });
});

describe('BibTeX', () => {
  it('is one @misc entry whose fields read back to the record', () => {
    const entry = parseBibtex(bibtex(record));
    expect(entry.type).toBe('misc');
    expect(entry.key).toBe(`yadman-${record.id}`);
    expect(entry.fields).toMatchObject({ author: '{Yadman}', title: 'Arash Example (demo)', year: '2020', date: '2020-01-05', url: record.url, langid: 'english' });
    expect(entry.fields.note).toBe(`Record ${record.id}; last updated 2021-03-04`);
  });

  it('escapes every special character, so braces stay balanced and the title reads back', () => {
    const entry = parseBibtex(bibtex(hard));
    expect(unescapeBibtex(entry.fields.title!)).toBe('Ali {the} 100% "Reza" & Co_#1 | x}} ~^\\ =y next line');
    expect(bibtexEscape('50% & {x}')).toBe('50\\% \\& \\{x\\}');
  });

  it('for the dataset too', () => {
    const entry = parseBibtex(datasetCitation('https://yadman.example').bibtex);
    expect(entry.fields.howpublished).toBe('https://yadman.example/en/data');
  });
});

describe('RIS', () => {
  it('has TY first, ER last, and the record in between', () => {
    const lines = parseRis(ris(record));
    expect(lines[0]).toEqual(['TY', 'ELEC']);
    expect(lines.at(-1)).toEqual(['ER', '']);
    const tags = Object.fromEntries(lines);
    expect(tags).toMatchObject({ TI: 'Arash Example (demo)', UR: record.url, ID: record.id, PY: '2020', DA: '2020/01/05', LA: 'en', PB: 'Yadman' });
  });

  it('keeps a value with a line break on its own line', () => {
    const lines = parseRis(ris(hard));
    expect(lines.filter(([tag]) => tag === 'TI')).toEqual([['TI', 'Ali {the} 100% "Reza" & Co_#1 | x}} ~^\\ =y next line']]);
  });
});

describe('the dataset', () => {
  it('is a schema.org Dataset with every download on the configured origin', () => {
    const ld = datasetJsonLd('https://yadman.example', 'fa', 'description');
    expect(ld).toMatchObject({ '@type': 'Dataset', url: 'https://yadman.example/fa/data', license: 'https://creativecommons.org/licenses/by/4.0/', isAccessibleForFree: true });
    const downloads = ld.distribution as { contentUrl: string; encodingFormat: string }[];
    expect(downloads.map((d) => d.contentUrl)).toEqual(bulkFiles.map((f) => `https://yadman.example${f.path}`));
    expect(JSON.stringify(ld).match(/https?:\/\/[^"/]+/g)!.filter((o) => o !== 'https://yadman.example' && o !== 'https://schema.org' && o !== 'https://creativecommons.org')).toEqual([]);
    expect(datasetCitation('https://yadman.example').text).toContain('https://yadman.example/en/data');
  });
});
