// Nothing the public must not see reaches the static mirror: a redacted span, an unpublished
// testimony, one without consent to publish, a minor's withheld name and hidden or merged persons
// are planted, the memorial is exported, and `grep -r` over the whole folder finds none of them
// (while what is public is there, so the test would notice an export that shows nothing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony, insertUser } from '@/lib/testing/public-fixtures';
import { exportMirror } from './export';

const canaries = {
  redactedSpan: 'CanaryRedactedSpan4a1',
  unpublished: 'CanaryUnpublishedTestimony9b2',
  noConsent: 'CanaryNoConsentTestimony7c3',
  minorName: 'CanaryMinorName5d4',
  minorFather: 'CanaryMinorFather2e5',
  hiddenPerson: 'CanaryHiddenPerson8f6',
  mergedPerson: 'CanaryMergedPerson1a7',
  draftPerson: 'CanaryDraftPerson3b8',
};
const visible = { person: 'VisiblePersonName', narrative: 'VisibleRedactedNarrative' };

const grep = (needle: string, dir: string) => spawnSync('grep', ['-r', '-l', '-F', needle, dir]).stdout.toString().trim();

describe.each(testDatabases())('the mirror export on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('holds none of the planted private data, and the public data', async () => {
    const db = ctx.db;
    const collectionId = await insertCollection(db);
    const submitterId = await insertUser(db);
    const person = await insertPerson(db, { collectionId, nameLatin: `${visible.person} Example` });
    // The published revision's redacted text is public; the submitter's own words are not.
    await insertTestimony(db, {
      collectionId,
      submitterId,
      personIds: [person.id],
      status: 'published',
      narrative: `They took him at ${canaries.redactedSpan} street.`,
      redacted: `${visible.narrative}: they took him at [حذف شد] street.`,
    });
    await insertTestimony(db, { collectionId, submitterId, personIds: [person.id], status: 'unpublished', redacted: canaries.unpublished });
    await insertTestimony(db, { collectionId, submitterId, personIds: [person.id], status: 'in_review', redacted: canaries.unpublished, withPublishedRevision: false });
    await insertTestimony(db, { collectionId, submitterId, personIds: [person.id], status: 'published', consentPublish: 'documentation_only', redacted: canaries.noConsent });
    // A minor without the two identity approvals: initials only.
    await insertPerson(db, { collectionId, age: 15, nameLatin: `${canaries.minorName} Zand`, nameFa: 'کودک نمونه', fatherNameLatin: canaries.minorFather });
    const hidden = await insertPerson(db, { collectionId, status: 'hidden', nameLatin: canaries.hiddenPerson });
    await insertPerson(db, { collectionId, nameLatin: canaries.mergedPerson, mergedIntoId: person.id });
    await insertPerson(db, { collectionId, status: 'draft', nameLatin: canaries.draftPerson });
    // A published testimony about the hidden person only stays hidden with them.
    await insertTestimony(db, { collectionId, submitterId, personIds: [hidden.id], status: 'published', redacted: canaries.hiddenPerson });

    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-canary-'));
    onTestFinished(() => {
      for (const dir of [out, `${out}.cache`]) fs.rmSync(dir, { recursive: true, force: true });
    });
    const result = await exportMirror(db, { out, full: true });
    expect(result.persons).toBe(2);

    for (const [name, value] of Object.entries(canaries)) expect(grep(value, out), name).toBe('');
    // The public record is there, on both language pages, in the open data and the search index.
    expect(grep(visible.narrative, out).split('\n').sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/fa\/p\/.+\.html$/), expect.stringMatching(/\/en\/p\/.+\.html$/), expect.stringMatching(/data\/testimonies\.csv$/)]),
    );
    expect(grep(visible.person, out)).toContain('assets/search-index.js');
    expect(grep('C. Z.', out)).toContain('/en/p/'); // the minor, by initials
  });
});
