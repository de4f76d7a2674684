// @ts-check
// The submission journey's form posts sent without JavaScript (start, each step, submit), answered
// by the server in front of Next (scripts/server.mjs) without Next's page pipeline (issue 21: Next
// spent 8–28 ms of CPU on each such post, the data layer 2–5 ms; docs/benchmarks.md). The work is
// the app's (lib/submission/post-answer.ts, handed over by instrumentation.ts): the same checks as
// proxy.ts and defineAction, the same lib/ functions as the server actions.
//
// Only a post this module is sure of is taken: a multipart POST to a submission page without
// Next-Action (a form sent without JavaScript), small, whose `$ACTION_…` fields are exactly what
// React writes for a `useActionState` form — one bound reference to one of the journey's three
// actions (told apart by the build's server-reference manifest), bound to one plain JSON state —
// and no file. The app answers with the address the action would redirect to, or declines. Anything
// declined or not recognised goes to Next unchanged (its body replayed), which answers it as before.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { commonHeaders, newNonce, pagePolicy } from '../security/headers.mjs';
import { providedFormPostAnswer } from './fast-posts-source.mjs';

/** @typedef {import('./fast-posts-source.mjs').JourneyAction} JourneyAction */

/** The actions' module and exports (app/[locale]/(submit)/submit/actions.ts) and their names. */
export const actionsModule = 'app/[locale]/(submit)/submit/actions.ts';
/** @type {Record<string, JourneyAction>} */
const exportsByName = { startTestimonyAction: 'testimony.start', saveStepAction: 'testimony.saveStep', submitTestimonyAction: 'testimony.submit' };

const startPath = /^\/(?:fa|en)\/submit$/;
const stepPath = /^\/(?:fa|en)\/submit\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/(?:about|account|files|consent|review)$/;
/** Where each action's form is: a post of it anywhere else is Next's. */
const pathOf = /** @type {Record<JourneyAction, RegExp>} */ ({ 'testimony.start': startPath, 'testimony.saveStep': stepPath, 'testimony.submit': stepPath });
/** A request header asking for Next's answer; set to `answered` on the responses answered here. */
export const nextHeader = 'x-yadman-form-post';
/** A step form is a few kilobytes; anything larger (a file) is Next's. */
export const maxFormBytes = 256 * 1024;

/**
 * The journey's action ids of a build: read from its server-reference manifest (`node` section:
 * id → the module and export it names). Empty, with one log line, when the manifest cannot be read
 * or does not name them all: then every post goes to Next.
 * @param {string} distDir the build folder (NEXT_DIST_DIR)
 * @param {(message: string) => void} log
 * @returns {Map<string, JourneyAction>}
 */
export function journeyActionIds(distDir, log) {
  /** @type {Map<string, JourneyAction>} */
  const ids = new Map();
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8'));
    for (const [id, entry] of Object.entries(manifest.node ?? {})) {
      const name = entry && entry.filename === actionsModule ? exportsByName[entry.exportedName] : undefined;
      if (name) ids.set(id, name);
    }
  } catch (error) {
    log(`form posts: the build's server-reference manifest cannot be read (${error instanceof Error ? error.message : error}); every form post goes to Next`);
    return new Map();
  }
  if (new Set(ids.values()).size !== Object.keys(exportsByName).length) {
    log('form posts: the build\'s manifest does not name the submission actions; every form post goes to Next');
    return new Map();
  }
  return ids;
}

/**
 * The action a no-JavaScript post names and its fields as the action receives them (React's
 * decodeAction drops every `$ACTION_` field), or null when the post is not exactly the shape React
 * writes for a `useActionState` form of one of `ids`. React's reply format gives `$`-prefixed
 * strings a meaning (references): a bound state holding one is not plain JSON, and not taken.
 * @param {FormData} posted
 * @param {Map<string, JourneyAction>} ids
 * @returns {{ action: JourneyAction; form: FormData } | null}
 */
export function recogniseAction(posted, ids) {
  const form = new FormData();
  /** @type {Map<string, string>} */
  const fields = new Map();
  for (const [name, value] of posted.entries()) {
    if (typeof value !== 'string') {
      // A file control left empty posts an empty file without a name; any other file is Next's.
      if (value.size > 0 || value.name !== '') return null;
      form.append(name, value);
      continue;
    }
    if (!name.startsWith('$ACTION_')) {
      form.append(name, value);
      continue;
    }
    if (fields.has(name)) return null;
    fields.set(name, value);
  }
  const refs = [...fields.keys()].filter((name) => name.startsWith('$ACTION_REF_'));
  const [ref] = refs;
  if (refs.length !== 1 || ref === undefined) return null;
  const prefix = `$ACTION_${ref.slice('$ACTION_REF_'.length)}:`;
  const known = new Set([ref, `${prefix}0`, `${prefix}1`, '$ACTION_KEY']);
  if ([...fields.keys()].some((name) => !known.has(name)) || fields.get(ref) !== '') return null;
  try {
    const reference = JSON.parse(fields.get(`${prefix}0`) ?? '');
    const bound = JSON.parse(fields.get(`${prefix}1`) ?? '');
    if (!reference || typeof reference !== 'object' || Object.keys(reference).sort().join() !== 'bound,id' || reference.bound !== '$@1') return null;
    if (!Array.isArray(bound) || bound.length !== 1 || !plainJson(bound)) return null;
    const action = typeof reference.id === 'string' ? ids.get(reference.id) : undefined;
    return action ? { action, form } : null;
  } catch {
    return null;
  }
}

/** @param {unknown} value @returns {boolean} true when no string in it starts with `$` */
function plainJson(value) {
  if (typeof value === 'string') return !value.startsWith('$');
  if (Array.isArray(value)) return value.every(plainJson);
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => !k.startsWith('$') && plainJson(v));
  return true;
}

/**
 * The request, its body read, for Next: an IncomingMessage on the same socket with the same
 * method, URL and headers, whose body is `body` (Next reads the action's form from it).
 * @param {import('node:http').IncomingMessage} req @param {Buffer} body
 */
function replay(req, body) {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  // Complete: a message destroyed before it was complete destroys its socket (Node's `_destroy`).
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/** @param {import('node:http').IncomingMessage} req */
const pathnameOf = (req) => (req.url ?? '').split('?', 1)[0] ?? '';

/**
 * The body (Node holds it to the announced Content-Length), or null when the client went away first.
 * @param {import('node:http').IncomingMessage} req @returns {Promise<Buffer | null>}
 */
function readBody(req) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(null));
    req.on('close', () => resolve(null));
  });
}

/**
 * @param {{ distDir: string; production: boolean; log?: (message: string) => void }} options
 *   distDir: the build folder; production: as next.config.js's headers (HSTS)
 */
export function formPosts({ distDir, production, log = (m) => console.error(m) }) {
  const ids = journeyActionIds(distDir, log);
  // What Next's answer to such a post carries (next.config.js's headers, Next's own for a dynamic
  // page, proxy.ts's policy), but next-intl's `Link` of the page's other languages, which nothing
  // reads on a redirect.
  const fixed = [
    ...commonHeaders({ production }).map(({ key, value }) => [key, value]),
    ['Cache-Control', 'no-cache, no-store, max-age=0, must-revalidate'],
    ['Vary', 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch'],
  ];

  return {
    /**
     * Whether this request may be one of the journey's no-JavaScript posts (headers only; the
     * body is not read): then `answer` takes it.
     * @param {import('node:http').IncomingMessage} req
     */
    wants(req) {
      if (req.method !== 'POST' || ids.size === 0 || req.headers['next-action'] !== undefined) return false;
      // Asked for Next's own answer (the end-to-end comparison of the two: e2e/form-posts.e2e.ts).
      // Nothing a client could not have by posting a form this module does not recognise.
      if (req.headers[nextHeader] === 'next') return false;
      const length = Number(req.headers['content-length']);
      if (!(length > 0 && length <= maxFormBytes) || !/^multipart\/form-data;/i.test(req.headers['content-type'] ?? '')) return false;
      const pathname = pathnameOf(req);
      return startPath.test(pathname) || stepPath.test(pathname);
    },

    /**
     * Answers the post (a 303 to where the action leads) and returns null, or returns the request
     * for Next to answer (the same request, its body replayed).
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
     * @returns {Promise<import('node:http').IncomingMessage | null>}
     */
    async answer(req, res) {
      const body = await readBody(req);
      if (!body) {
        res.destroy();
        return null;
      }
      const location = await decide(req, body).catch((/** @type {unknown} */ error) => {
        log(`form posts: handed to Next after ${error instanceof Error ? error.name : 'an unknown error'}`);
        return null;
      });
      if (!location) return replay(req, body);
      const nonce = newNonce();
      res.writeHead(303, [...fixed, ['Content-Security-Policy', pagePolicy(nonce, { development: false })], ['Location', location], ['Content-Length', '0'], [nextHeader, 'answered']].flat());
      res.end();
      return null;
    },
  };

  /** @param {import('node:http').IncomingMessage} req @param {Buffer} body @returns {Promise<string | null>} */
  async function decide(req, body) {
    const answer = providedFormPostAnswer();
    if (!answer) return null;
    const posted = await new Response(new Uint8Array(body), { headers: { 'content-type': String(req.headers['content-type']) } }).formData().catch(() => null);
    const recognised = posted && recogniseAction(posted, ids);
    if (!recognised || !pathOf[recognised.action].test(pathnameOf(req))) return null;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const answered = await answer({ action: recognised.action, form: recognised.form, headers });
    return 'location' in answered ? answered.location : null;
  }
}
