import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  // `requestLocale` is the `[locale]` segment; it may be missing or any string (unknown paths).
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    // Dates on the server are formatted as calendar dates in UTC (see dates.ts).
    timeZone: 'UTC',
  };
});
