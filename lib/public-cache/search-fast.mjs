// @ts-check
// How the public cache answers a search it has not kept (issue 16: a search over HTTP within 1.5 ×
// the query itself): not by a render of the page through Next — React's two passes and Next's
// request pipeline cost twice the query — but by splicing the search's own parts into the page's
// shell (search-shell.mjs), rendered by Next once per language and public data version. The parts
// come from the app (search-source.mjs): the same limit per hashed address, the same query on the
// same public-read connections, the same markup as the page's.
//
// Only the common shapes are spliced: `q` and/or `cursor`, each once. Anything else (a filter, a
// sort, a page size, an unknown parameter), a shell that cannot be used, a failed query or a value
// holding one of the cache's marks is rendered by Next as before. The spliced page is kept by the
// cache like a rendered one (cache.mjs), so a repeated search is a hit, never limited.
import { clientAddressHeader } from '../abuse/client-address.mjs';
import { installSearchShell, parseShell, splice, urlParts } from './search-shell.mjs';
import { providedSearchAnswer } from './search-source.mjs';

/** @typedef {import('./render.mjs').Rendered} Rendered */
/** @typedef {import('./render.mjs').RenderResult} RenderResult */
/** @typedef {import('./search-shell.mjs').Shell & { status: number; headers: [string, string][] }} RenderedShell */

const searchPath = /^\/(fa|en)\/search$/;

/**
 * The language and URL query of a search the splice may answer, or null: a search page with a
 * query, in printable ASCII (as browsers send it), each parameter once. Whether it does is the
 * app's to say (lib/memorial/search-answer.ts: a text and/or a page, nothing the form must show).
 * @param {string} key a cache key (routes.mjs)
 * @returns {{ locale: 'fa' | 'en'; query: string } | null}
 */
export function spliceable(key) {
  const at = key.indexOf('?');
  const locale = at === -1 ? null : searchPath.exec(key.slice(0, at))?.[1];
  if (locale !== 'fa' && locale !== 'en') return null;
  const query = key.slice(at + 1);
  if (!/^[\x21-\x7e]+$/.test(query)) return null;
  const names = [...new URLSearchParams(query).keys()];
  return names.length > 0 && new Set(names).size === names.length ? { locale, query } : null;
}

/**
 * @param {{
 *   renderShell: (key: string) => Promise<RenderResult>;
 *   placeholder: string;
 *   log?: (message: string) => void;
 * }} options renderShell: the cache's loopback render (render.mjs) of a path; placeholder: the nonce's
 */
export function searchSplicer({ renderShell, placeholder, log = (m) => console.error(m) }) {
  const tokens = installSearchShell();
  const marks = [tokens.key, tokens.query, tokens.results, placeholder];
  /** @type {Map<string, { version: number; shell: Promise<RenderedShell | null> }>} */
  const shells = new Map();

  /**
   * The shell of `locale` for the public data version `at` or a later one: one render at a time,
   * which concurrent searches share. A render that failed is tried again by the next search; a
   * shell that cannot be used is not, until the version changes.
   * @param {'fa' | 'en'} locale @param {number} at
   */
  function shellFor(locale, at) {
    const known = shells.get(locale);
    if (known && known.version >= at) return known.shell;
    const entry = { version: at, shell: renderShell(`/${locale}/search?${tokens.key}`).then((r) => check(r, () => shells.get(locale) === entry && shells.delete(locale))) };
    shells.set(locale, entry);
    return entry.shell;
  }

  /** @param {RenderResult} rendered @param {() => void} failed @returns {RenderedShell | null} */
  function check(rendered, failed) {
    if (!rendered || rendered === 'too-big' || rendered.status !== 200) {
      failed();
      return null;
    }
    const parsed = rendered.headers.some(([, value]) => marks.slice(0, 3).some((mark) => value.includes(mark)))
      ? 'a part in a header'
      : parseShell(rendered.body, tokens);
    if (typeof parsed === 'string') {
      log(`public cache: the search page's shell cannot be used (${parsed}); searches are rendered by Next`);
      return null;
    }
    return { ...parsed, status: rendered.status, headers: rendered.headers };
  }

  return {
    /**
     * Begins a search the splice answers, at once, before the public data version is known: its
     * count (which reads the version too) and its query. Null when the splice does not answer it.
     * `finish` gives it for the version `at` (or a later one): spliced into that version's shell,
     * its 429 page, or null when it is not spliced after all (the cache then renders it).
     * @param {string} key
     * @param {import('node:http').IncomingMessage} client
     * @returns {{ version: Promise<number | null>; finish: (at: number) => Promise<Rendered | null> } | null}
     */
    begin(key, client) {
      const asked = spliceable(key);
      const answer = providedSearchAnswer();
      if (!asked || !answer) return null;
      const address = client.headers[clientAddressHeader];
      const answering = answer({ ...asked, address: typeof address === 'string' ? address : undefined, head: client.method === 'HEAD' }).catch(() => null);
      return {
        version: answering.then((answered) => (answered && 'version' in answered ? answered.version : null)),
        async finish(at) {
          // The shell (rendered at most once per version) while the query may still run.
          const [answered, shell] = await Promise.all([answering, shellFor(asked.locale, at)]);
          if (answered && 'refused' in answered) return answered.refused;
          if (!answered || 'declined' in answered || !shell) return null;
          const body = splice(shell, { query: answered.query, results: answered.results, ...urlParts(asked.query) }, marks);
          return body && { status: shell.status, headers: shell.headers, body, spliced: true };
        },
      };
    },
  };
}
