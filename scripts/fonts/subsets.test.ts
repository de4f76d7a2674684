import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFaceCss, fontSubsets } from './subsets';

const root = path.resolve(import.meta.dirname, '../..');
const covered = (c: number) => fontSubsets.some((s) => s.ranges.some(([a, b]) => c >= a && c <= b));

describe('font subsets', () => {
  it('the committed stylesheet and files are what the generator writes (run scripts/generate-font-subsets.ts)', () => {
    expect(fs.readFileSync(path.join(root, 'app/fonts/vazirmatn.css'), 'utf8')).toBe(fontFaceCss());
    for (const s of fontSubsets) {
      const bytes = fs.readFileSync(path.join(root, 'app/fonts', s.file));
      expect(bytes.subarray(0, 4).toString('latin1'), s.file).toBe('wOF2');
    }
  });

  it("cover every character of the interface's own text: both catalogues and the components", () => {
    const missing = new Set<string>();
    const sources = [
      'lib/i18n/messages/fa.json',
      'lib/i18n/messages/en.json',
      ...fs.readdirSync(path.join(root, 'components'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx')).map((f) => `components/${f}`),
    ];
    for (const file of sources) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const ch of text) {
        const c = ch.codePointAt(0)!;
        if (c >= 0x20 && !covered(c)) missing.add(`U+${c.toString(16).toUpperCase()} ${ch}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
