// The person editor is given only the catalogue keys it reads (person-form-messages.ts): every key
// person-form.tsx asks a translator for must be inside one of them (or in FormMessages's common
// namespaces), and every key given must exist in both catalogues.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fa from '@/lib/i18n/messages/fa.json';
import { personFormMessages } from './person-form-messages';

const source = fs.readFileSync(path.join(import.meta.dirname, 'person-form.tsx'), 'utf8');
const common = ['Errors', 'Validation', 'FormGate'];

/** `namespace.first-part` of every translator call in the form, e.g. `Person.gender` for tp(`gender.${g}`). */
function keysRead(): string[] {
  const translators = new Map([...source.matchAll(/const (\w+) = useTranslations\('([\w.]+)'\)/g)].map((m) => [m[1]!, m[2]!]));
  expect(translators.size).toBeGreaterThan(0);
  const keys: string[] = [];
  for (const [name, namespace] of translators) {
    for (const call of source.matchAll(new RegExp(`\\b${name}\\(\\s*(['\`])([^'\`]*)`, 'g'))) {
      const key = call[2]!;
      // A computed key (`name.endsWith('Fa') ? 'latinInPersian' : …`) is read by its literals.
      const first = key.split(/\.|\$\{/)[0]!;
      keys.push(`${namespace}.${first}`);
    }
    for (const ternary of source.matchAll(new RegExp(`\\b${name}\\((?:[^()]|\\([^()]*\\))*?\\?\\s*'(\\w+)'\\s*:\\s*'(\\w+)'`, 'g'))) keys.push(`${namespace}.${ternary[1]}`, `${namespace}.${ternary[2]}`);
  }
  return keys;
}

const lookup = (catalogue: unknown, dotted: string) => dotted.split('.').reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined), catalogue);

describe('the person editor\'s catalogue slice', () => {
  it('covers every key the form reads', () => {
    const read = keysRead().filter((k) => k.split('.')[1]);
    expect(read).toEqual(expect.arrayContaining(['Person.gender', 'PersonEditor.latinInPersian', 'PersonEditor.persianInLatin']));
    for (const key of read) {
      const covered = common.includes(key.split('.')[0]!) || personFormMessages.some((given) => key === given || key.startsWith(`${given}.`));
      expect(covered, `${key} is read by person-form.tsx but not given to it`).toBe(true);
    }
  });

  it('names only keys that exist in both catalogues', () => {
    for (const key of personFormMessages) {
      expect(lookup(en, key), `en: ${key}`).toBeDefined();
      expect(lookup(fa, key), `fa: ${key}`).toBeDefined();
    }
  });
});
