// Persian (۰–۹) and Arabic-Indic (٠–٩) digits as Latin ones: what a person types on a Persian or
// Arabic keyboard means the same number. Pure: importable by client code.

/** Latin digits for any Persian or Arabic-Indic digit; other characters unchanged. */
export function latinDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660));
}
