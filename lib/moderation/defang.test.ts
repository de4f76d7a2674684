import { describe, expect, it } from 'vitest';
import { defang, splitLinks } from './defang';

describe('defanged links', () => {
  it('rewrites the scheme and every dot of the host, keeping the path readable', () => {
    expect(defang('https://evil.example/track?id=1.2')).toBe('hxxps://evil[.]example/track?id=1.2');
    expect(defang('HTTP://Evil.Example')).toBe('HXXP://Evil[.]Example');
    expect(defang('www.evil.example/a')).toBe('www[.]evil[.]example/a');
    expect(defang('ftp://files.example')).toBe('ftp://files[.]example');
  });

  it('finds links inside Persian and English sentences and leaves the rest as text', () => {
    const parts = splitLinks('ببینید https://evil.example/x، و (www.other.example). Or news.ir/a.');
    expect(parts).toEqual([
      { kind: 'text', text: 'ببینید ' },
      { kind: 'link', text: 'https://evil.example/x', defanged: 'hxxps://evil[.]example/x' },
      { kind: 'text', text: '، و (' },
      { kind: 'link', text: 'www.other.example', defanged: 'www[.]other[.]example' },
      { kind: 'text', text: '). Or ' },
      { kind: 'link', text: 'news.ir/a', defanged: 'news[.]ir/a' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves text without links whole, and never leaves a clickable scheme behind', () => {
    expect(splitLinks('no link here: 1.5 km')).toEqual([{ kind: 'text', text: 'no link here: 1.5 km' }]);
    const joined = splitLinks('a javascript://x.example%0aalert(1) b https://a.example')
      .map((p) => (p.kind === 'link' ? p.defanged : p.text))
      .join('');
    expect(joined).not.toMatch(/https?:\/\//i);
    expect(joined).not.toMatch(/[a-z]\.example/);
  });
});
