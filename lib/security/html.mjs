// @ts-check
// HTML made as a string: the public search's results, which the public cache splices into a page
// rendered once (lib/public-cache/search-shell.mjs), and what that splice writes into the page's
// HTML. Safe by default: every value put into an `html` template is escaped, unless it is itself
// the result of one. Text and attribute values are escaped as React escapes them (the same five
// characters, the same entities), so a string made here reads exactly as the element React would
// have rendered. Plain ESM: scripts/server.mjs runs it outside the bundler.

/** @type {Record<string, string>} */
const entities = { '"': '&quot;', '&': '&amp;', "'": '&#x27;', '<': '&lt;', '>': '&gt;' };

/**
 * Text or an attribute value (always quoted with `"`), escaped for HTML.
 * @param {string} text
 */
export function escapeText(text) {
  return text.replace(/["&'<>]/g, (c) => /** @type {string} */ (entities[c]));
}

/** Markup made by `html`: put into another template as it is. */
export class SafeHtml {
  /** @param {string} value */
  constructor(value) {
    /** @readonly */
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

/** @typedef {string | number | SafeHtml | null | undefined | false} HtmlPiece */
/** @typedef {HtmlPiece | readonly HtmlPiece[]} HtmlValue a piece, or a list of them (e.g. list items) */

/** @param {HtmlValue} value @returns {string} */
function piece(value) {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v) => piece(v)).join('');
  return escapeText(String(value));
}

/**
 * A template whose values are escaped (null, undefined and false are left out; arrays are joined).
 * @param {TemplateStringsArray} strings
 * @param {...HtmlValue} values
 * @returns {SafeHtml}
 */
export function html(strings, ...values) {
  let out = /** @type {string} */ (strings[0]);
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}
