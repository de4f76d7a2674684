// @ts-check
// A submission step's page from a shell (issue 21, the HTTP forms line): the page rendered by Next
// once per language, step and shape of the saved answers (which radio choices, which steps may still
// change) in this process, with placeholders where the per-request values go, into which the server
// in front of Next (scripts/server.mjs, step-fast.mjs) splices one person's own values instead of
// running Next's page pipeline for each of the 7 page loads of a submission.
//
// The values, and where they may go (verified on every shell; one found anywhere else, or not as
// often as expected, and the shell is not used: the page is rendered by Next as before):
// - draft: the draft's id. The shell is rendered for a random UUID of this process, replaced by the
//   draft's own id, which is checked to be a UUID: the same length, and characters no encoding
//   (HTML, JSON, URL, script) changes, so every copy is replaced wherever it is (links, the hidden
//   field, the router's URL and segments, headers);
// - name: the signed-in person's username (the header), text in the HTML, a whole JSON string in
//   the page's RSC payload;
// - text fields (consent: creditName): the saved answer, `value="…"` of its input in the HTML, a
//   whole JSON string (the `values` prop) in the payload;
// - the nonce: the public cache's placeholder (lib/public-cache/render-slot.mjs), replaced by a fresh
//   nonce per response, as the public cache does.
// Written as the search page's shell writes them (lib/public-cache/search-shell.mjs: React's HTML
// escapes; JSON, JSON, Next's script escapes and Flight's `$` escape in the payload).
import { randomBytes, randomUUID } from 'node:crypto';
import { escapeText } from '../security/html.mjs';
import { installedPlaceholder } from '../public-cache/render-slot.mjs';
import { payloadText } from '../public-cache/search-shell.mjs';

const slot = Symbol.for('yadman.formsShell.stepShell');

/** The request header that asks Next for a shell (with the key and the shape), honoured only on the cache's own render. */
export const stepShellHeader = 'x-yadman-step-shell';

/**
 * @typedef {{ key: string; draft: string; name: string; texts: string[] }} StepTokens
 *   key: the secret the shell request carries; draft: the UUID the shell is rendered for; name and
 *   texts: the username's and the text fields' placeholders (24 hex characters each)
 */

/**
 * The steps spliced, and for each its text fields (free text) and its choice fields (a fixed set of values).
 * (The files step was tried too: its HTML and headers were Next's, its payload not yet proven the
 * same — docs/benchmarks.md.)
 * @type {{ consent: StepFields }}
 * @typedef {{ texts: string[]; choices: Record<string, string[]> }} StepFields
 */
export const stepFields = {
  consent: {
    texts: ['creditName'],
    choices: {
      publish: ['documentation_only', 'public'],
      credit: ['anonymous', 'relationship', 'chosen_name'],
      portraitPublic: ['no', 'yes'],
      exactPlacePublic: ['no', 'yes'],
      mayContact: ['no', 'yes'],
    },
  },
};

/** @typedef {keyof typeof stepFields} SplicedStep */

/**
 * Cookies that change a step's page (none for consent); a request carrying one is rendered by Next.
 * @type {Record<string, string[]>}
 */
export const stepCookies = {};
/**
 * @typedef {{ locale: 'fa' | 'en'; step: SplicedStep; editable: string[]; unread: number; fields: [string, string][] }} Shape
 *   fields: the saved answers in their order, each a choice's value or, for a text field, '' (its
 *   placeholder in the shell); unread: the person's unread notifications (the header's link shows
 *   the count): what the shell is rendered for, and what makes it a shell
 */

/**
 * This process's tokens (made once; the same ones on every later call).
 * @returns {StepTokens}
 */
export function installStepShell() {
  const holder = /** @type {{ [slot]?: StepTokens }} */ (/** @type {unknown} */ (globalThis));
  const hex = () => randomBytes(12).toString('hex');
  holder[slot] ??= { key: hex(), draft: randomUUID(), name: hex(), texts: [hex(), hex(), hex(), hex()] };
  return holder[slot];
}

/**
 * The header's value for a shell of this shape.
 * @param {StepTokens} tokens @param {Shape} shape
 */
export function shellRequestHeader(tokens, shape) {
  return `${tokens.key}.${Buffer.from(JSON.stringify(shape)).toString('base64url')}`;
}

/**
 * The page's side: what to render instead of a person's draft, when this render is the server's
 * render of a shell (its nonce is the cache's placeholder, which only the server's own loopback
 * requests get, and it carries this process's secret key); else null, and the page renders as ever.
 * @param {string | null} nonce the page's nonce (`x-nonce`)
 * @param {string | null} header the request's `x-yadman-step-shell`
 * @returns {{ shape: Shape; draftId: string; username: string; values: Record<string, string> } | null}
 */
export function stepShellPlaceholders(nonce, header) {
  const tokens = /** @type {{ [slot]?: StepTokens }} */ (/** @type {unknown} */ (globalThis))[slot];
  const placeholder = installedPlaceholder();
  if (!tokens || !placeholder || !header || nonce !== placeholder) return null;
  const dot = header.indexOf('.');
  if (header.slice(0, dot) !== tokens.key) return null;
  /** @type {Shape} */
  const shape = JSON.parse(Buffer.from(header.slice(dot + 1), 'base64url').toString());
  const texts = stepFields[shape.step]?.texts ?? [];
  /** @type {Record<string, string>} */
  const values = {};
  for (const [name, value] of shape.fields) values[name] = texts.includes(name) ? /** @type {string} */ (tokens.texts[texts.indexOf(name)]) : value;
  return { shape, draftId: tokens.draft, username: tokens.name, values };
}

/**
 * The shape of a person's saved answers to a step, and their text values, or null when the shell
 * cannot show them (a field it does not know, a value that is not one of a choice's values, a text
 * too long to stay inline in the payload): such a page is rendered by Next.
 * @param {'fa' | 'en'} locale @param {SplicedStep} step @param {readonly string[]} editable
 * @param {number} unread the person's unread notifications (more than 99: rendered by Next)
 * @param {unknown} saved the step's saved answers
 * @returns {{ shape: Shape; texts: string[] } | null}
 */
export function shapeOf(locale, step, editable, unread, saved) {
  const known = Object.hasOwn(stepFields, step) ? stepFields[step] : null;
  if (!known || !saved || typeof saved !== 'object' || Array.isArray(saved)) return null;
  if (!Number.isInteger(unread) || unread < 0 || unread > 99) return null;
  /** @type {[string, string][]} */
  const fields = [];
  const texts = known.texts.map(() => '');
  for (const [name, value] of Object.entries(saved)) {
    if (typeof value !== 'string') return null;
    const at = known.texts.indexOf(name);
    if (at !== -1) {
      if (value.length > 500) return null;
      texts[at] = value;
      fields.push([name, '']);
    } else if (known.choices[name]?.includes(value)) fields.push([name, value]);
    else return null;
  }
  return { shape: { locale, step, editable: [...editable], unread, fields }, texts };
}

/** @typedef {'name' | `text${number}`} Part */
/** @typedef {'html' | 'payload'} Place */
/** @typedef {{ parts: Buffer[]; spots: { part: Part; place: Place }[] }} Shell the shell cut at its spots (the draft id and the nonce are replaced everywhere) */

const payloadOpen = 'self.__next_f.push([1,"';
const payloadClose = '"])</script>';
const quote = '\\"';

/**
 * Cuts a rendered shell at its spots, checking each against where it must be: the name once as
 * text in the HTML and once in the payload, each text field of the shape once as an input's value
 * and once in the payload, the draft's UUID at least once.
 * @param {Buffer} body
 * @param {StepTokens} tokens
 * @param {Shape} shape
 * @returns {Shell | string} the shell, or why it cannot be used
 */
export function parseStepShell(body, tokens, shape) {
  const text = body.toString('latin1');
  /** @type {[number, number][]} */
  const payloads = [];
  for (let at = text.indexOf(payloadOpen); at !== -1; at = text.indexOf(payloadOpen, at + 1)) {
    const end = text.indexOf(payloadClose, at);
    if (end === -1) return 'a payload script does not end';
    payloads.push([at + payloadOpen.length, end]);
  }
  if (!text.includes(tokens.draft)) return 'the draft id is not in the page';
  const placeOf = (/** @type {number} */ at) => (payloads.some(([from, to]) => at >= from && at < to) ? 'payload' : 'html');
  const before = (/** @type {number} */ at, /** @type {string} */ mark) => text.startsWith(mark, at - mark.length);
  const known = stepFields[shape.step];
  /** @type {[Part, string, [string, string]][]} */
  const wanted = [['name', tokens.name, ['>', '<']]];
  for (const [i, name] of known.texts.entries()) {
    if (shape.fields.some(([field]) => field === name)) wanted.push([`text${i}`, /** @type {string} */ (tokens.texts[i]), ['value="', '"']]);
  }
  /** @type {{ part: Part; place: Place; from: number; to: number }[]} */
  const spots = [];
  for (const [part, token, htmlMarks] of wanted) {
    const found = { html: 0, payload: 0 };
    for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + token.length)) {
      const place = placeOf(at);
      const [open, close] = place === 'payload' ? [quote, quote] : htmlMarks;
      if (!before(at, open) || !text.startsWith(close, at + token.length)) return `${part} in an unexpected place`;
      found[place]++;
      spots.push({ part, place, from: at, to: at + token.length });
    }
    if (found.html !== 1 || found.payload !== 1) return `${part}: found ${found.html} in the HTML and ${found.payload} in the payload, expected 1 and 1`;
  }
  // A text field's placeholder the shape does not have must not be in the page either.
  for (const token of [...tokens.texts, tokens.key]) if (!wanted.some(([, t]) => t === token) && text.includes(token)) return 'a placeholder in an unexpected place';
  spots.sort((a, b) => a.from - b.from);
  /** @type {Buffer[]} */
  const parts = [];
  let from = 0;
  for (const spot of spots) {
    parts.push(body.subarray(from, spot.from));
    from = spot.to;
  }
  parts.push(body.subarray(from));
  return { parts, spots: spots.map(({ part, place }) => ({ part, place })) };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The page for one person's values, or null when a value, as written, holds one of the marks (a
 * token or the nonce's placeholder), or the draft id is not a UUID in lower case: never spliced.
 * The draft's UUID and the nonce are put in by the caller (replaceAll on the result: same lengths).
 * @param {Shell} shell
 * @param {{ name: string; texts: string[] }} values
 * @param {string[]} marks
 * @returns {string | null} the page, in Latin-1 (one character per byte), the draft's UUID and the nonce still placeholders
 */
export function spliceStep(shell, values, marks) {
  /** @type {Buffer[]} */
  const out = [];
  for (const [i, { part, place }] of shell.spots.entries()) {
    const value = part === 'name' ? values.name : /** @type {string} */ (values.texts[Number(part.slice(4))]);
    const written = place === 'payload' ? payloadText(value, true) : escapeText(value);
    if (marks.some((mark) => written.includes(mark))) return null;
    out.push(/** @type {Buffer} */ (shell.parts[i]), Buffer.from(written));
  }
  out.push(/** @type {Buffer} */ (shell.parts.at(-1)));
  return Buffer.concat(out).toString('latin1');
}

/** @param {string} id */
export const isDraftId = (id) => uuid.test(id);
