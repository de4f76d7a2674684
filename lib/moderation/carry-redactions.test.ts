import { describe, expect, it } from 'vitest';
import { applyTicked, carryRedactions, redactedSpans, restoredSpans } from './carry-redactions';
import { suggestRedactions } from './redaction';

const raw = 'My neighbour Mahmoud Rostami saw it. Call me on 0917 555 1234 at the bank.';
const redacted = 'My neighbour [name removed] saw it. Call me on [number removed] at work.';
const edited = 'My neighbour Mahmoud Rostami saw it. Call me on 0917 555 1234 at the bank. He was 17.';

describe('redactions carried to a newer revision', () => {
  it('finds what the moderator removed and what replaced it', () => {
    const spans = redactedSpans(raw, redacted);
    expect(spans.map((s) => s.removed)).toEqual(expect.arrayContaining(['Mahmoud Rostami', '0917 555 1234', 'the bank.']));
    expect(spans.find((s) => s.removed === 'Mahmoud Rostami')?.replacement).toBe('[name removed]');
  });

  it("removes them again from the submitter's edited text, keeping what is new", () => {
    const carried = carryRedactions(raw, redacted, edited);
    expect(carried).not.toContain('Rostami');
    expect(carried).not.toContain('0917');
    expect(carried).toContain('[name removed]');
    expect(carried).toContain('He was 17.');
  });

  it('names the removed words that are back in a text to publish', () => {
    expect(restoredSpans(raw, redacted, edited)).toEqual(expect.arrayContaining(['Mahmoud Rostami', '0917 555 1234']));
    expect(restoredSpans(raw, redacted, carryRedactions(raw, redacted, edited))).toEqual([]);
  });

  it('in Persian too, and a word still in the published text is not taken for a secret', () => {
    const fa = 'همسایه‌مان محمود رستمی دید. شماره‌ام ۰۹۱۷۵۵۵۱۲۳۴ است. محمود آمد.';
    const faRedacted = 'همسایه‌مان [نام حذف شد] دید. شماره‌ام [شماره حذف شد] است. محمود آمد.';
    expect(restoredSpans(fa, faRedacted, `${fa} او ۱۷ ساله بود.`)).toEqual(expect.arrayContaining(['محمود رستمی', '۰۹۱۷۵۵۵۱۲۳۴']));
    expect(redactedSpans(fa, faRedacted).map((s) => s.removed)).not.toContain('محمود');
  });

  it('a word of a removed run back on its own is named too (a name rewritten by hand, then put back)', () => {
    const sent = 'من مریم احمدی‌نژاد هستم، دخترخالهٔ شهریار. پیکر شهریار را بردند.';
    const published = 'من از خویشان شهریار هستم. پیکر شهریار را بردند.';
    const corrected = 'من مریم احمدی‌نژاد هستم. پیکر شهریار را بردند.';
    expect(restoredSpans(sent, published, corrected)).toEqual(expect.arrayContaining(['مریم', 'احمدی‌نژاد']));
    // Words the published text still has ("هستم", "شهریار") are not secrets; part of a word is not the word.
    expect(restoredSpans(sent, published, corrected)).not.toContain('هستم');
    expect(restoredSpans(sent, published, 'من از خویشان شهریار هستم. مریمی آمد.')).toEqual([]);
  });

  it('nothing removed, nothing carried', () => {
    expect(redactedSpans(raw, raw)).toEqual([]);
    expect(carryRedactions(raw, raw, edited)).toBe(edited);
  });
});

describe('"Redact the ticked items" on the text in the box', () => {
  const sent = 'My brother Ali Soltani lives at 5 Zand Street. Call 0917 222 3344.';
  const all = suggestRedactions(sent);
  const [address, phone] = all;

  it('keeps what was changed by hand in the box and redacts the ticked items there', () => {
    expect([address?.kind, phone?.kind]).toEqual(['address', 'phone']);
    const box = sent.replace('Ali Soltani', '[redacted]');
    expect(applyTicked(sent, box, all, all, 'en')).toBe('My brother [redacted] lives at [redacted]. Call [redacted].');
  });

  it('brings back an unticked item where it was, and nothing else', () => {
    const box = 'My brother [redacted] lives at [redacted]. Call [redacted]. He was 17.';
    expect(applyTicked(sent, box, all, [address!], 'en')).toBe('My brother [redacted] lives at [redacted]. Call 0917 222 3344. He was 17.');
    expect(applyTicked(sent, box, all, [], 'en')).toBe('My brother [redacted] lives at 5 Zand Street. Call 0917 222 3344. He was 17.');
  });

  it('redacts a ticked item wherever the box still has it, moved or copied', () => {
    expect(applyTicked(sent, `Call 0917 222 3344 first. ${sent}`, all, [phone!], 'fa')).toBe('Call [حذف شد] first. My brother Ali Soltani lives at 5 Zand Street. Call [حذف شد].');
  });

  it('the box as sent and nothing ticked: unchanged', () => {
    expect(applyTicked(sent, sent, all, [], 'en')).toBe(sent);
  });
});
