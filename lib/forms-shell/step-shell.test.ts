// A submission step's shell (issue 21): what the browser reads back from a spliced page (the HTML's
// text and attribute, the RSC payload as Next's client decodes it) is each value exactly, for values
// that need every escape; a shell whose placeholders are not where they must be, a value holding a
// mark, answers the shell does not know, or a render that is not the server's own are never spliced.
import { describe, expect, it } from 'vitest';
import { installRenderSlot } from '@/lib/public-cache/render-slot.mjs';
import { payloadText } from '@/lib/public-cache/search-shell.mjs';
import { installStepShell, isDraftId, parseStepShell, shapeOf, shellRequestHeader, spliceStep, stepShellPlaceholders, type Shape } from './step-shell.mjs';

const tokens = installStepShell();
const { placeholder } = installRenderSlot();
const marks = [tokens.key, tokens.draft, tokens.name, ...tokens.texts, placeholder];
const shape: Shape = { locale: 'en', step: 'consent', editable: ['about', 'account', 'files', 'consent', 'review'], unread: 0, fields: [['publish', 'public'], ['creditName', '']] };

/** A shell as Next writes one (placeholders only): the name as text, the text field as a value, both in the payload. */
function page(name: string, credit: string, draft: string) {
  const row = (value: unknown) => JSON.stringify(`1:${JSON.stringify(value)}\n`).slice(1, -1);
  return (
    `<html><body><a href="/en/submit/${draft}/about">About</a><p>Signed in as <bdi class="b">${name}</bdi></p>` +
    `<input id="creditName" value="${credit}"/><script nonce="${placeholder}">self.__next_f.push([1,"${row(['$', 'bdi', null, { children: name }])}"])</script>` +
    `<script nonce="${placeholder}">self.__next_f.push([1,"${row({ values: { publish: 'public', creditName: credit }, draftId: draft })}"])</script></body></html>`
  );
}

/** What the browser reads: the payload's rows as the client decodes them, the HTML's name and value. */
function read(html: string) {
  const rows = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/g)].map((m) => JSON.parse((JSON.parse(m[1]!) as [number, string])[1].slice(2)));
  const flight = (s: string) => (s.startsWith('$$') ? s.slice(1) : s);
  const decoded = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const body = html.replace(/<script.*?<\/script>/g, '');
  return {
    name: decoded(/<bdi class="b">(.*?)<\/bdi>/s.exec(body)![1]!),
    credit: decoded(/value="(.*?)"/s.exec(body)![1]!),
    payloadName: flight(rows[0][3].children),
    payloadCredit: flight(rows[1].values.creditName),
  };
}

const shell = () => {
  const parsed = parseStepShell(Buffer.from(page(tokens.name, tokens.texts[0]!, tokens.draft), 'latin1'), tokens, shape);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

describe('a step spliced into its shell', () => {
  const hostile = ['', 'Maryam', 'a"b\'c<d>e&f', '$x', '$$', 'back\\slash', 'line\nbreak', 'x\u2028y\u2029z', '</script><script>alert(1)</script>', '{"a":1}', 'مادرِ Navid ۱۲۳', '\u202eevil'];
  for (const value of hostile) {
    it(`reads back ${JSON.stringify(value)} exactly, in the HTML and the payload`, () => {
      const spliced = spliceStep(shell(), { name: `user-${value}`, texts: [value] }, marks)!;
      const html = Buffer.from(spliced, 'latin1').toString();
      expect(read(html)).toEqual({ name: `user-${value}`, credit: value, payloadName: `user-${value}`, payloadCredit: value });
      expect(html).not.toContain('</script><script>alert');
    });
  }

  it('writes the payload as the HTML page carries it (Next’s escapes)', () => {
    expect(payloadText('</script>&\u2028', true)).toBe('\\u003c/script\\u003e\\u0026\\u2028');
    expect(payloadText('$x', true)).toBe('$$x');
  });

  it('never splices a value holding one of its marks', () => {
    expect(spliceStep(shell(), { name: `x${tokens.draft}`, texts: [''] }, marks)).toBeNull();
    expect(spliceStep(shell(), { name: 'x', texts: [placeholder] }, marks)).toBeNull();
  });

  it('refuses a shell whose placeholders are missing, doubled or out of place', () => {
    const good = page(tokens.name, tokens.texts[0]!, tokens.draft);
    expect(parseStepShell(Buffer.from(good.replace(tokens.draft, 'x').replaceAll(tokens.draft, 'x')), tokens, shape)).toMatch(/draft id/);
    expect(parseStepShell(Buffer.from(good + `<p>${tokens.name}</p>`), tokens, shape)).toMatch(/name/);
    expect(parseStepShell(Buffer.from(good.replace(`value="${tokens.texts[0]}"`, `title="${tokens.texts[0]}"`)), tokens, shape)).toMatch(/text0 in an unexpected place/);
    expect(parseStepShell(Buffer.from(good + `<i>${tokens.texts[1]}</i>`), tokens, shape)).toMatch(/placeholder/);
    expect(parseStepShell(Buffer.from(good + `<script nonce="x">self.__next_f.push([1,"`), tokens, shape)).toMatch(/does not end/);
  });
});

describe('the shape of saved answers', () => {
  const editable = ['consent', 'review'];
  it('keeps the order, the choices and the text fields apart', () => {
    expect(shapeOf('fa', 'consent', editable, 3, { credit: 'chosen_name', creditName: 'x', publish: 'public' })).toEqual({
      shape: { locale: 'fa', step: 'consent', editable, unread: 3, fields: [['credit', 'chosen_name'], ['creditName', ''], ['publish', 'public']] },
      texts: ['x'],
    });
    expect(shapeOf('en', 'consent', editable, 0, {})).toEqual({ shape: { locale: 'en', step: 'consent', editable, unread: 0, fields: [] }, texts: [''] });
  });
  it('is null for what the shell cannot show (the page is then Next’s)', () => {
    expect(shapeOf('en', 'consent', editable, 0, { publish: 'everywhere' })).toBeNull();
    expect(shapeOf('en', 'consent', editable, 0, { other: 'x' })).toBeNull();
    expect(shapeOf('en', 'consent', editable, 0, { publish: ['public'] })).toBeNull();
    expect(shapeOf('en', 'consent', editable, 0, { creditName: 'x'.repeat(501) })).toBeNull();
    expect(shapeOf('en', 'consent', editable, 0, null)).toBeNull();
    expect(shapeOf('en', 'consent', editable, 100, {})).toBeNull();
    expect(shapeOf('en', 'toString' as 'consent', editable, 0, {})).toBeNull();
    expect(shapeOf('en', 'about' as 'consent', editable, 0, {})).toBeNull();
    expect(shapeOf('en', 'files' as 'consent', editable, 0, {})).toBeNull();
  });
});

describe('the shell render', () => {
  it('is only the server’s own: its nonce placeholder and its key', () => {
    const header = shellRequestHeader(tokens, shape);
    expect(stepShellPlaceholders(placeholder, header)).toEqual({ shape, draftId: tokens.draft, username: tokens.name, values: { publish: 'public', creditName: tokens.texts[0] } });
    expect(stepShellPlaceholders('a fresh nonce of a reader', header)).toBeNull();
    expect(stepShellPlaceholders(placeholder, null)).toBeNull();
    expect(stepShellPlaceholders(placeholder, `guess.${header.split('.')[1]}`)).toBeNull();
  });
  it('takes only a draft id in the UUID form', () => {
    expect(isDraftId(tokens.draft)).toBe(true);
    expect(isDraftId('0F0E6F7A-1B2C-4D5E-8F90-1234567890AB')).toBe(false);
    expect(isDraftId('../x')).toBe(false);
  });
});
