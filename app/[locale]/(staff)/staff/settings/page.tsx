import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { SettingsForm } from '@/components/settings/settings-form';
import { withDb } from '@/lib/db';
import { requirePageAccess } from '@/lib/authz/page-access';
import type { Locale } from '@/lib/i18n/routing';
import { getSettings } from '@/lib/settings';
import { updateSettingsAction } from './actions';
import { FormMessages } from '@/components/forms/form-messages';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ saved?: string }> };

export default async function SettingsPage({ params, searchParams }: Props) {
  await connection();
  const { locale } = await params;
  const { saved } = await searchParams;
  const viewer = await requirePageAccess({ permission: 'settings.manage' }, { locale, path: `/${locale}/staff/settings` });
  const t = await getTranslations({ locale, namespace: 'Settings' });
  const current = await withDb(getSettings, viewer);
  return (
    <FormMessages namespaces={[]}>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {saved === '1' ? <p role="status" className="mt-2 font-semibold">{t('saved')}</p> : null}
      <SettingsForm
        action={updateSettingsAction}
        locale={locale}
        current={current}
        labels={{ fourEyes: t('fourEyes'), fourEyesHint: t('fourEyesHint'), window: t('coordinatedWindow'), windowHint: t('coordinatedWindowHint'), save: t('save'), invalid: t('invalidWindow') }}
      />
    </FormMessages>
  );
}
