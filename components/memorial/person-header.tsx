// The top of a person's page (site and static mirror): portrait, names, other spellings and the
// sensitive-content note.
import type { Locale } from '@/lib/i18n/routing';
import type { PublicPerson } from '@/lib/memorial/dto';
import type { PersonT } from './person-facts';
import { SensitiveImage } from './sensitive-image';

export function PersonHeader({ person, locale, t }: { person: PublicPerson; locale: Locale; t: PersonT }) {
  const name = locale === 'fa' ? person.nameFa : (person.nameLatin ?? person.nameFa);
  const otherScript = locale === 'fa' ? person.nameLatin : person.nameFa;
  return (
    <>
      <header className="flex flex-wrap items-start gap-6">
        {person.portrait ? (
          <SensitiveImage src={person.portrait.src} alt={t('portraitAlt', { name })} sensitive={person.sensitiveContent} label={t('showImage')} className="h-40 w-32 rounded object-cover" />
        ) : null}
        <div className="min-w-0 flex-1">
          <h1 id="person-name" className="text-3xl font-bold leading-tight">
            <bdi>{name}</bdi>
          </h1>
          {otherScript ? (
            <p className="mt-1 text-xl text-muted" lang={locale === 'fa' ? 'en' : 'fa'} dir={locale === 'fa' ? 'ltr' : 'rtl'}>
              {otherScript}
            </p>
          ) : null}
          {person.otherNames.length > 0 ? (
            <p className="mt-2 text-sm">
              <span className="font-medium">{t('otherSpellings')}: </span>
              {person.otherNames.map((n, i) => (
                <span key={n}>
                  {i > 0 ? (locale === 'fa' ? '، ' : ', ') : null}
                  <bdi>{n}</bdi>
                </span>
              ))}
            </p>
          ) : null}
        </div>
      </header>

      {person.sensitiveContent ? (
        <p role="note" className="mt-6 rounded border border-line bg-white p-3">
          {t('sensitiveNote')}
        </p>
      ) : null}
    </>
  );
}
