import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['fa', 'en'],
  // English is the fallback when Accept-Language names neither language.
  defaultLocale: 'en',
  // Every page URL names its language, so a cited link always shows the same language.
  localePrefix: 'always',
  // No locale cookie: public pages stay cookie-free (cacheable, nothing left in the browser).
  // `/` is negotiated from Accept-Language on every visit; the switcher links carry the choice.
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

/** Writing direction of each locale, for `<html dir>`. */
export const directions: Record<Locale, 'rtl' | 'ltr'> = { fa: 'rtl', en: 'ltr' };
