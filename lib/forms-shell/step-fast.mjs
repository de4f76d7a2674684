// @ts-check
// How the server in front of Next (scripts/server.mjs) answers a submission step's page without
// Next's page pipeline (issue 21: each of a no-JavaScript submission's page loads cost 21–42 ms of
// CPU there): the app says whose draft it is and what the step shows (step-source.mjs, decided by
// lib/forms-shell/step-answer.ts as the page decides it), and that person's values are spliced into
// the step's shell (step-shell.mjs), rendered by Next once per language, step and shape.
//
// Only a plain page load is spliced: GET or HEAD of /{fa,en}/submit/{uuid}/{step} for a step the
// shell knows, no query, a document (not the router's RSC fetch, not a prefetch), one session cookie.
// Everything else — another step, a query (the upload outcome, the person search), a form post
// (validation errors come back from the action), signed out, someone else's draft, a shell that
// cannot be used, an error — goes to Next unchanged. A spliced page is one person's: it is never
// kept, and goes out with the shell's own headers (Cache-Control: no-store among them, checked).
import zlib from 'node:zlib';
import { acceptedEncodings } from '../public-cache/cache.mjs';
import { newNonce } from '../security/headers.mjs';
import { installStepShell, isDraftId, parseStepShell, shellRequestHeader, spliceStep, stepCookies, stepFields } from './step-shell.mjs';
import { providedStepAnswer } from './step-source.mjs';

/** @typedef {import('../public-cache/render.mjs').RenderResult} RenderResult */
/** @typedef {import('./step-shell.mjs').Shell & { headers: string[] }} RenderedShell headers: flat, the nonce's placeholder in them */

const stepPath = /^\/(fa|en)\/submit\/([^/?#]+)\/([a-z]+)$/;
const dropped = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'x-cache']);

/**
 * The cookie's value when the header has it exactly once (else undefined).
 * @param {string | undefined} header @param {string} name
 */
export function cookieValue(header, name) {
  if (!header) return undefined;
  let found;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || pair.slice(0, eq).trim() !== name) continue;
    if (found !== undefined) return undefined;
    found = pair.slice(eq + 1).trim();
  }
  return found;
}

/**
 * The language, draft and step of a request the splice may answer, or null.
 * @param {import('node:http').IncomingMessage} req
 * @returns {{ locale: 'fa' | 'en'; draftId: string; step: import('./step-shell.mjs').SplicedStep } | null}
 */
export function spliceableStep(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const match = stepPath.exec(req.url ?? '');
  if (!match) return null;
  const [, locale, draftId, step] = match;
  if ((locale !== 'fa' && locale !== 'en') || !isDraftId(/** @type {string} */ (draftId)) || !Object.hasOwn(stepFields, /** @type {string} */ (step))) return null;
  const h = req.headers;
  // A document the browser navigates to: the router's fetches (RSC), prefetches and actions are Next's.
  if (h.rsc !== undefined || h['next-router-prefetch'] !== undefined || h['next-router-state-tree'] !== undefined || h['next-action'] !== undefined) return null;
  const destination = h['sec-fetch-dest'];
  if (destination ? destination !== 'document' : !(h.accept ?? '').includes('text/html')) return null;
  for (const name of stepCookies[/** @type {string} */ (step)] ?? []) if ((h.cookie ?? '').includes(name)) return null;
  return { locale, draftId: /** @type {string} */ (draftId), step: /** @type {import('./step-shell.mjs').SplicedStep} */ (step) };
}

/**
 * @param {{
 *   renderShell: (path: string, header: string) => Promise<RenderResult>;
 *   placeholder: string;
 *   log?: (message: string) => void;
 * }} options renderShell: a loopback render (lib/public-cache/render.mjs) of a path with the shell's
 *   request header; placeholder: the nonce's
 */
export function stepSplicer({ renderShell, placeholder, log = (m) => console.error(m) }) {
  const tokens = installStepShell();
  const marks = [tokens.key, tokens.draft, tokens.name, ...tokens.texts, placeholder];
  /** @type {Map<string, Promise<RenderedShell | null>>} */
  const shells = new Map();
  const maxShells = 2000;

  /** @param {import('./step-shell.mjs').Shape} shape */
  function shellFor(shape) {
    const header = shellRequestHeader(tokens, shape);
    const known = shells.get(header);
    if (known) return known;
    if (shells.size >= maxShells) shells.delete(/** @type {string} */ (shells.keys().next().value));
    const made = renderShell(`/${shape.locale}/submit/${tokens.draft}/${shape.step}`, header).then((rendered) => {
      const shell = check(rendered, shape);
      // A render that failed is tried again by the next request; a shell that cannot be used is not.
      if (!rendered || rendered === 'too-big' || rendered.status !== 200) shells.delete(header);
      return shell;
    });
    shells.set(header, made);
    return made;
  }

  /** @param {RenderResult} rendered @param {import('./step-shell.mjs').Shape} shape @returns {RenderedShell | null} */
  function check(rendered, shape) {
    if (!rendered || rendered === 'too-big' || rendered.status !== 200) return null;
    /** @type {string[]} */
    const headers = [];
    let why = null;
    for (const [name, value] of rendered.headers) {
      const lower = name.toLowerCase();
      if (dropped.has(lower)) continue;
      if (marks.some((mark) => mark !== placeholder && mark !== tokens.draft && value.includes(mark))) why = 'a value in a header';
      if (lower === 'set-cookie') why = 'a cookie set';
      headers.push(name, value);
    }
    const cacheControl = rendered.headers.find(([name]) => name.toLowerCase() === 'cache-control')?.[1] ?? '';
    if (!why && !/\bno-store\b/.test(cacheControl)) why = 'not marked no-store';
    const parsed = why ?? parseStepShell(rendered.body, tokens, shape);
    if (typeof parsed === 'string') {
      log(`forms shell: the ${shape.locale} ${shape.step} step's shell cannot be used (${parsed}); it is rendered by Next`);
      return null;
    }
    return { ...parsed, headers };
  }

  return {
    /**
     * Answers the request with its spliced page and returns true, or returns false (nothing sent):
     * the caller hands it to Next.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     */
    async serve(req, res) {
      const asked = spliceableStep(req);
      const provided = asked && providedStepAnswer();
      if (!asked || !provided) return false;
      const sessionToken = cookieValue(req.headers.cookie, provided.cookieName);
      if (!sessionToken) return false;
      const answer = await provided.answer({ ...asked, sessionToken }).catch(() => null);
      if (!answer) return false;
      const shell = await shellFor(answer.shape);
      if (!shell) return false;
      const page = spliceStep(shell, { name: answer.username, texts: answer.texts }, marks);
      if (page === null) return false;
      const nonce = newNonce();
      const body = Buffer.from(page.replaceAll(tokens.draft, asked.draftId).replaceAll(placeholder, nonce), 'latin1');
      const headers = [];
      for (let i = 0; i < shell.headers.length; i += 2) {
        headers.push(/** @type {string} */ (shell.headers[i]), /** @type {string} */ (shell.headers[i + 1]).replaceAll(placeholder, nonce).replaceAll(tokens.draft, asked.draftId));
      }
      const gzip = acceptedEncodings(req.headers['accept-encoding']).has('gzip');
      const sent = gzip ? zlib.gzipSync(body) : body;
      if (gzip) headers.push('Content-Encoding', 'gzip');
      headers.push('Content-Length', String(sent.length), 'X-Cache', 'spliced');
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
      return true;
    },
  };
}
