// The queue's filters: a plain GET form (works without JavaScript); every value is in the URL,
// so a filtered view can be bookmarked and the next-page link keeps the filters.
import { getTranslations } from 'next-intl/server';
import { provinces } from '@/lib/geo/provinces';
import type { Locale } from '@/lib/i18n/routing';
import { queueStatuses, type QueueFilters } from '@/lib/moderation/queue';

const select = 'mt-1 rounded border border-muted bg-white px-3 py-2';

type Props = { locale: Locale; filters: QueueFilters; collections: { slug: string; nameFa: string; nameEn: string }[] };

export async function QueueFilterForm({ locale, filters, collections }: Props) {
  const t = await getTranslations({ locale, namespace: 'Staff' });
  const tm = await getTranslations({ locale, namespace: 'Moderation' });
  const tq = await getTranslations({ locale, namespace: 'Queue' });
  const checkboxes = [
    { name: 'minor', checked: filters.minor, label: tm('minorFilter') },
    { name: 'files', checked: filters.hasFiles, label: tm('filesFilter') },
    { name: 'flagged', checked: filters.flagged, label: tq('flaggedFilter') },
  ];
  return (
    <form method="get" action={`/${locale}/staff`} className="mt-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="queue-status" className="block font-medium">{t('statusFilter')}</label>
        <select id="queue-status" name="status" defaultValue={filters.status ?? ''} className={select}>
          <option value="">{t('allStatuses')}</option>
          {queueStatuses.map((s) => (
            <option key={s} value={s}>{t(`statuses.${s}`)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="queue-collection" className="block font-medium">{tq('collectionFilter')}</label>
        <select id="queue-collection" name="collection" defaultValue={filters.collection ?? ''} className={select}>
          <option value="">{tq('allCollections')}</option>
          {collections.map((c) => (
            <option key={c.slug} value={c.slug}>{locale === 'fa' ? c.nameFa : c.nameEn}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="queue-province" className="block font-medium">{tq('provinceFilter')}</label>
        <select id="queue-province" name="province" defaultValue={filters.province ?? ''} className={select}>
          <option value="">{tq('allProvinces')}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>{locale === 'fa' ? p.nameFa : p.nameEn}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="queue-language" className="block font-medium">{tm('languageFilter')}</label>
        <select id="queue-language" name="language" defaultValue={filters.language ?? ''} className={select}>
          <option value="">{tm('allLanguages')}</option>
          <option value="fa">{t('languages.fa')}</option>
          <option value="en">{t('languages.en')}</option>
        </select>
      </div>
      {checkboxes.map((c) => (
        <label key={c.name} className="flex items-center gap-2 py-2">
          <input type="checkbox" name={c.name} defaultChecked={c.checked} />
          {c.label}
        </label>
      ))}
      <button type="submit" className="rounded border border-muted px-4 py-2 hover:bg-white">{t('show')}</button>
    </form>
  );
}
