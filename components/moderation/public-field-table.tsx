// One public DTO as a table of field → what readers will see, each row marked with its key
// (`data-public-field`) so the e2e test can check that every public field is on the review page.
import { getTranslations } from 'next-intl/server';
import { displayDate, num } from '@/components/memorial/format';
import { provinces } from '@/lib/geo/provinces';
import { formatDateTime } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { DatePrecision } from '@/lib/memorial/dto';
import type { FieldFormat, FieldRow } from '@/lib/moderation/public-fields';

export async function fieldFormat(locale: Locale): Promise<FieldFormat> {
  const [tp, tpe, tpub, tf, tl] = await Promise.all([
    getTranslations({ locale, namespace: 'Person' }),
    getTranslations({ locale, namespace: 'PersonEditor' }),
    getTranslations({ locale, namespace: 'Publication' }),
    getTranslations({ locale, namespace: 'ReviewFiles' }),
    getTranslations({ locale, namespace: 'Languages' }),
  ]);
  const sep = locale === 'fa' ? '، ' : ', ';
  const choice = (group: string, value: string): string => {
    const key = { precision: `precision.${value}`, kind: `kind.${value}`, language: value, hand: value === 'first' ? 'firstHand' : 'secondHand' }[group] ?? `${group}.${value}`;
    const t = group === 'precision' ? tpe : group === 'kind' ? tf : group === 'language' ? tl : tp;
    return t.has(key as never) ? t(key as never) : value;
  };
  return {
    choice,
    province: (code) => {
      const p = provinces.find((x) => x.code === code);
      return p ? (locale === 'fa' ? p.nameFa : p.nameEn) : code;
    },
    date: (iso, precision) => displayDate(iso, precision as DatePrecision | null, locale),
    instant: (iso) => formatDateTime(new Date(iso), locale),
    yesNo: (v) => tpub(v ? 'yes' : 'no'),
    credit: (c) =>
      c.kind === 'anonymous' ? tpub('credit.anonymous') : c.kind === 'name' ? tpub('credit.name', { name: c.name }) : tpub('credit.relationship', { relationship: tp(`relationship.${c.relationship}`, { gender: 'other' }) }),
    number: (n) => num(n, locale),
    list: (items) => items.join(sep),
    whenPublished: tpub('whenPublished'),
  };
}

export async function PublicFieldTable({ locale, caption, rows, testId }: { locale: Locale; caption: string; rows: FieldRow[]; testId: string }) {
  const t = await getTranslations({ locale, namespace: 'Publication' });
  return (
    <table className="mt-3 w-full border-collapse text-sm" data-testid={testId}>
      <caption className="text-start font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="border-b border-line p-1 text-start">{t('colField')}</th>
          <th scope="col" className="border-b border-line p-1 text-start">{t('colValue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-public-field={r.key}>
            <th scope="row" className="border-b border-line p-1 text-start font-medium">{t(`keys.${r.key}` as 'keys.id')}</th>
            <td className="max-w-prose whitespace-pre-wrap break-words border-b border-line p-1" dir="auto">{r.value ?? t('empty')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
