// Posting the app's forms the way a browser without JavaScript does (Tor Browser "Safest"), from
// a script: fetch the page, take the form's hidden fields (Next's server-action fields, tokens),
// add the visible fields, post it as multipart. A retry re-posts the identical body, so an
// idempotency token in the form is sent again unchanged. Cookies are kept per client.

export class NoJsClient {
  private cookies = new Map<string, string>();
  constructor(readonly baseURL: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.method === 'POST') headers.set('Origin', this.baseURL);
    // What a browser sends on a navigation: proxy.ts tells pages and form posts from fetches by it.
    headers.set('Accept', 'text/html,application/xhtml+xml');
    headers.set('Sec-Fetch-Dest', 'document');
    headers.set('Sec-Fetch-Mode', 'navigate');
    headers.set('Sec-Fetch-Site', 'same-origin');
    const response = await fetch(new URL(path, this.baseURL), { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

const entities: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (text: string) => text.replace(/&(quot|amp|#x27|#39|lt|gt);/g, (m) => entities[m]!);

const formWith = (html: string, marker: string) => html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g)?.find((f) => f.includes(marker));

/** Whether `html` holds a form whose markup contains `marker` (and not, say, an error page). */
export const hasForm = (html: string, marker: string) => formWith(html, marker) !== undefined;

/** The hidden fields of the first form in `html` whose markup contains `marker` (e.g. `name="step"`). */
export function hiddenFields(html: string, marker: string): [string, string][] {
  const form = formWith(html, marker);
  if (!form) throw new Error(`no form with ${marker}`);
  const fields: [string, string][] = [];
  for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
    const attrs = new Map([...input.matchAll(/\s([\w$:-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, decode(m[2] ?? '')]));
    if (attrs.get('type') === 'hidden' && attrs.has('name')) fields.push([attrs.get('name')!, attrs.get('value') ?? '']);
  }
  return fields;
}

/** A multipart body of the form's hidden fields plus `visible` (values, or a file as a Blob). */
export function formBody(hidden: [string, string][], visible: Record<string, string | { blob: Blob; name: string }>): FormData {
  const body = new FormData();
  for (const [name, value] of hidden) body.append(name, value);
  for (const [name, value] of Object.entries(visible)) {
    if (typeof value === 'string') body.append(name, value);
    else body.append(name, value.blob, value.name);
  }
  return body;
}
