import { getTranslations } from 'next-intl/server';
import { formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { mirrorDownloads, publishedMirror } from '@/lib/mirror/published';

/** The data page's signed copies: the public key that signs every copy, and the latest copy to download. */
export async function MirrorSection({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Mirror' });
  const mirror = await publishedMirror();
  const href = (file: string) => `/api/mirror/${file}`;
  return (
    <section aria-labelledby="mirror-heading" className="mt-10">
      <h2 id="mirror-heading" className="text-2xl font-semibold">
        {t('mirrorKeyHeading')}
      </h2>
      <p className="mt-3">{t('mirrorKeyText')}</p>
      {mirror.publicKey ? (
        <pre className="mt-2 overflow-x-auto rounded border border-line bg-white p-3 font-mono text-sm" dir="ltr">
          {mirror.publicKey}
        </pre>
      ) : null}
      {mirror.archive ? (
        <ul className="mt-3 list-disc space-y-1 ps-6">
          <li>
            <a href={href(mirrorDownloads.archive)} download>
              {t('mirrorDownload')}
            </a>{' '}
            <span className="text-sm text-muted">({formatNumber(Math.ceil(mirror.archive.size / 2 ** 20), locale)} MB)</span>
          </li>
          <li>
            <a href={href(mirrorDownloads.signature)} download>
              {t('mirrorSignature')}
            </a>
          </li>
          <li>
            <a href={href(mirrorDownloads.publicKey)} download>
              mirror.pub
            </a>
          </li>
        </ul>
      ) : (
        <p className="mt-3 text-muted">{t('mirrorNone')}</p>
      )}
    </section>
  );
}
