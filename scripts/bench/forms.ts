// The bench's no-JavaScript browser: reads a page's HTML form as a browser without scripts would
// (its hidden fields — Next's action reference, the form token, the challenge — and the pressed
// button's name and value), adds what a person types, and posts it as multipart form data, the way
// the e2e suite's no-JS journeys do, so the figure covers the real form path: proxy, action
// decoding, validation, the data layer and the redirect.

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    return entities[code.toLowerCase()] ?? whole;
  });
}

/** The attributes of one tag (`<input a="b" c>`), values decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const afterName = tag.replace(/^<\s*[^\s/>]+/, '');
  for (const m of afterName.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

export type ParsedForm = { action: string; fields: [string, string][]; buttons: Record<string, string>[] };

/** Every form of a page: its action, its hidden fields in order and its buttons' attributes. */
export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const formAttributes = attributes(`<form ${m[1]}>`);
    const body = m[2]!;
    const fields: [string, string][] = [];
    for (const input of body.matchAll(/<input\b[^>]*>/gi)) {
      const a = attributes(input[0]);
      if (a.type === 'hidden' && a.name) fields.push([a.name, a.value ?? '']);
    }
    const buttons = [...body.matchAll(/<button\b[^>]*>/gi)].map((b) => attributes(b[0]));
    forms.push({ action: formAttributes.action ?? '', fields, buttons });
  }
  return forms;
}

/**
 * The first form of the page with a hidden field `name` (of value `value`, when given): its hidden
 * fields plus `typed`, and the button with `intent` pressed (its name=value posted, as a browser does).
 */
export function formBody(html: string, match: { name: string; value?: string }, typed: Record<string, string | string[]> = {}, button?: { name: string; value: string }): { action: string; body: FormData } {
  const form = parseForms(html).find((f) => f.fields.some(([n, v]) => n === match.name && (match.value === undefined || v === match.value)));
  if (!form) throw new Error(`no form with ${match.name}${match.value ? `=${match.value}` : ''} on the page`);
  const body = new FormData();
  for (const [n, v] of form.fields) if (!(n in typed)) body.append(n, v);
  for (const [n, v] of Object.entries(typed)) for (const one of Array.isArray(v) ? v : [v]) body.append(n, one);
  if (button) {
    if (!form.buttons.some((b) => b.name === button.name && b.value === button.value)) throw new Error(`no button ${button.name}=${button.value} in the form`);
    body.append(button.name, button.value);
  }
  return { action: form.action, body };
}
