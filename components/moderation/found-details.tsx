// What still looks identifying in a text readers get (a caption, a published narrative): the
// suggestions of lib/moderation/redaction.ts, the one rule for every public text, listed by kind.
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { Suggestion } from '@/lib/moderation/redaction';

export async function FoundDetails({ locale, found, label }: { locale: Locale; found: Suggestion[]; label: string }) {
  if (found.length === 0) return null;
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  return (
    <div role="note" className="mt-1 text-sm font-semibold text-red-800">
      {label}
      <ul className="list-disc ps-6">
        {found.map((s, i) => (
          <li key={i}>
            {t(`kinds.${s.kind}`)}: <bdi className="font-mono">{s.text}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}
