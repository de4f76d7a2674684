// Who a testimony is about, as its submitter reads it: each person's name in the page's script
// when there is one (an English page shows "Reza Example", not «رضا نمونه‌زاده»; issue 18).

/** A person's names as stored: the Persian one, and the Latin one when known. */
export type AboutName = { nameFa: string; nameLatin: string | null };

/** The name to show on a page in `locale`. */
export function nameFor(name: AboutName, locale: string): string {
  return (locale === 'en' ? name.nameLatin || name.nameFa : name.nameFa || name.nameLatin) ?? '';
}

/** The names joined as the language lists them ("" when there is none yet). */
export function aboutLabel(about: readonly AboutName[], locale: string): string {
  return about
    .map((n) => nameFor(n, locale))
    .filter(Boolean)
    .join(locale === 'fa' ? '، ' : ', ');
}
