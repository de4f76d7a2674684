// The top of a person's page: portrait, names, other spellings and the sensitive-content note.
// The public page, the static mirror (lib/mirror) and the moderators' preview render this same
// component, so the preview is what readers will see.
import type { Locale } from '@/lib/i18n/routing';
import type { PublicPerson } from '@/lib/memorial/dto';
import type { PersonT } from './person-facts';
import { SensitiveImage } from './sensitive-image';

export const displayName = (p: Pick<PublicPerson, 'nameFa' | 'nameLatin'>, locale: Locale) => (locale === 'fa' ? p.nameFa : (p.nameLatin ?? p.nameFa));

export function PersonHeader({ person, locale, t, headingId = 'person-name', level = 'h1' }: { person: PublicPerson; locale: Locale; t: PersonT; headingId?: string; level?: 'h1' | 'h3' }) {
  const name = displayName(person, locale);
  const otherScript = locale === 'fa' ? person.nameLatin : person.nameFa;
  const Heading = level;
  return (
    <>
      <header className="flex flex-wrap items-start gap-6">
        {person.portrait ? (
          <SensitiveImage src={person.portrait.src} alt={t('portraitAlt', { name })} sensitive={person.sensitiveContent} label={t('showImage')} className="h-40 w-32 rounded object-cover" />
        ) : null}
        <div className="min-w-0 flex-1">
          <Heading id={headingId} className="text-3xl font-bold leading-tight">
            <bdi>{name}</bdi>
          </Heading>
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
