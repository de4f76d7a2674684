// GET /api/imports/<id>/left-out?locale=fa — the rows of an open import that the import would
// leave out, as the file had them plus why, for the admin to fix and upload again. Admins only
// (lib/imports checks `data.import`); anything refused, unknown or already imported is one 404.
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { withDb } from '@/lib/db';
import { getViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { routing, type Locale } from '@/lib/i18n/routing';
import { leftOutRows } from '@/lib/imports/run';
import { toCsv } from '@/lib/open-data/csv';

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return notFound();
  const asked = new URL(request.url).searchParams.get('locale');
  const locale: Locale = routing.locales.find((l) => l === asked) ?? routing.defaultLocale;
  const left = await withDb(leftOutRows, await getViewer(), id).catch((error: unknown) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  if (!left) return notFound();
  const t = await getTranslations({ locale, namespace: 'Import' });
  const rows = left.rows.map((r) => {
    const why = [
      ...Object.entries(r.errors).map(([f, key]) => t(`rowErrors.${key}`, { field: f === 'name' ? t('fields.nameFa') : t(`fields.${f}`) })),
      ...(r.duplicates.length ? [t('leftOutDuplicate', { names: r.duplicates.map((d) => [d.nameFa, d.nameLatin].filter(Boolean).join(' / ')).join('; ') })] : []),
      ...(r.repeatsRow !== null ? [t('repeatsRow', { row: r.repeatsRow })] : []),
    ].join(' | ');
    return [r.row, why, ...r.cells];
  });
  return new Response(toCsv([t('leftOutColumns.row'), t('leftOutColumns.why'), ...left.headers], rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="left-out-rows-${id.slice(0, 8)}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
