// The outage page (proxy.ts answers it while the database is down): what a post without JavaScript
// carried comes back — typed text editable under its label, everything else hidden so "Send again"
// repeats the post — and nothing is ever interpreted as markup or leaks a secret.
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import { outagePage, postedForm } from './outage-page';

function form(entries: [string, string | File][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

function parse(html: string) {
  const fields = [...html.matchAll(/<textarea id="[^"]+" name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [m[1], m[2]]);
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]);
  return { fields, hidden };
}

describe('outage page', () => {
  it('a page asked for: the translated notice and a link to try again, in the reader’s direction', () => {
    const fa = outagePage({ locale: 'fa', nonce: 'n0nce', action: '/fa/staff' });
    expect(fa).toContain('<html lang="fa" dir="rtl">');
    expect(fa).toContain('این صفحه در این لحظه نمایش داده نمی‌شود');
    expect(fa).toContain('<a href="/fa/staff">');
    const english = outagePage({ locale: 'en', nonce: 'n0nce', action: '/en/staff?status=open&x=1' });
    expect(english).toContain(`<p role="alert">${en.Outage.body}</p>`);
    expect(english).toContain('href="/en/staff?status=open&#38;x=1"');
    expect(english).not.toContain('<form');
    // The only style carries the response's nonce; there is no script.
    expect(english).toContain('<style nonce="n0nce">');
    expect(english).not.toMatch(/<script/i);
  });

  it('a post: typed text shown under its label, the rest hidden, secrets and files left out', () => {
    const posted = postedForm(
      form([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', '{"id":"abc","bound":"$@1"}'],
        ['$ACTION_KEY', 'k1234'],
        ['testimonyId', '0b9d2a0e-2f6c-4a53-9d1b-2f3f1c7c9a11'],
        ['body', 'Line one\nline two'],
        ['relationship', 'mother'],
        ['passphrase', 'correct horse battery staple'],
        ['file', new File([new Uint8Array(10)], 'photo.jpg', { type: 'image/jpeg' })],
      ]),
    );
    expect(posted.hadFiles).toBe(true);
    expect(posted.hadSecrets).toBe(true);
    const html = outagePage({ locale: 'en', nonce: 'n', action: '/en/staff/testimonies/x', posted });
    expect(html).not.toContain('correct horse');
    const { fields, hidden } = parse(html);
    expect(fields).toEqual([['body', 'Line one\nline two']]);
    expect(html).toContain(`<label for="kept-4">${en.Outage.fields.body}</label>`);
    expect(hidden).toEqual([
      ['$ACTION_REF_1', ''],
      ['$ACTION_1:0', '{&#34;id&#34;:&#34;abc&#34;,&#34;bound&#34;:&#34;$@1&#34;}'],
      ['$ACTION_KEY', 'k1234'],
      ['testimonyId', '0b9d2a0e-2f6c-4a53-9d1b-2f3f1c7c9a11'],
      ['relationship', 'mother'],
    ]);
    expect(html).toContain('<form method="post" action="/en/staff/testimonies/x" enctype="multipart/form-data">');
    expect(html).toContain(en.Outage.notSentKept);
    expect(html).toContain(en.Outage.filesAgain);
    expect(html).toContain(en.Outage.secretsAgain);
  });

  it('nothing posted is read as markup: names, values and the address are escaped', () => {
    const payload = `</textarea><script>window.__xss=1</script><img src=x onerror="alert(1)">'"&`;
    const html = outagePage({
      locale: 'en',
      nonce: 'n',
      action: `/en/x"><script>alert(1)</script>`,
      posted: postedForm(form([['narrative', payload], [`a"><script>`, payload]])),
    });
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    expect(html.match(/<textarea/g)).toHaveLength(1);
  });

  it('a post whose body could not be read: the notice only, no empty form to send again', () => {
    const html = outagePage({ locale: 'en', nonce: 'n', action: '/en/x', posted: { fields: [], hadFiles: false, hadSecrets: false } });
    expect(html).toContain(en.Outage.notSent);
    expect(html).not.toContain('<form');
  });
});
