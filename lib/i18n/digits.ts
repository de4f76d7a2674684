// Persian (۰–۹) and Arabic-Indic (٠–٩) digits as Latin ones: what a person types on a Persian or
// Arabic keyboard means the same number. Pure: importable by client code.

/** Latin digits for any Persian or Arabic-Indic digit; other characters unchanged. */
export function latinDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660));
}

/**
 * Persian digits (۰–۹) for Latin ones: what `n.toLocaleString('fa-IR')` writes for a small whole
 * number, without building an Intl formatter for each (the date fields' 31 day names were 31
 * formatters on every render of the first submission step).
 */
export function persianDigits(text: string): string {
  return text.replace(/[0-9]/g, (c) => String.fromCharCode(0x06f0 + Number(c)));
}
