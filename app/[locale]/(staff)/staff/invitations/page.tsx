import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { StaffTable, staffCell } from '@/components/staff/staff-table';
import { CreateInvitationForm } from '@/components/admin/create-invitation-form';
import { RevokeInvitationForm } from '@/components/admin/revoke-invitation-form';
import { withDb } from '@/lib/db';
import { invitationRoles, listPendingInvitations } from '@/lib/auth/invitations';
import { requirePageAccess } from '@/lib/authz/page-access';
import { formatDate } from '@/lib/i18n/dates';
import { siteOrigin } from '@/lib/open-data/site';
import type { Locale } from '@/lib/i18n/routing';
import { createInvitationAction, revokeInvitationAction } from './actions';
import { FormMessages } from '@/components/forms/form-messages';

type Props = { params: Promise<{ locale: Locale }> };

export default async function InvitationsPage({ params }: Props) {
  await connection();
  const { locale } = await params;
  const viewer = await requirePageAccess({ permission: 'user.invite' }, { locale, path: `/${locale}/staff/invitations` });
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const staff = await getTranslations({ locale, namespace: 'Staff' });
  const pending = await withDb(listPendingInvitations, viewer);

  return (
    <FormMessages namespaces={[]}>
      <h1 className="text-2xl font-bold">{t('invitationsTitle')}</h1>
      <section aria-labelledby="create-invitation" className="mt-4">
        <h2 id="create-invitation" className="text-lg font-semibold">
          {t('createHeading')}
        </h2>
        <p className="mt-1 max-w-prose">{t('createIntro')}</p>
        <CreateInvitationForm
          action={createInvitationAction}
          locale={locale}
          origin={siteOrigin()}
          labels={{ role: t('roleLabel'), create: t('create'), link: t('linkLabel'), notice: t('linkNotice', { expires: '{expires}' }), copy: t('copyLink'), copied: t('linkCopied') }}
          roles={invitationRoles.map((r) => ({ value: r, label: staff(`roles.${r}`) }))}
        />
      </section>
      <section aria-labelledby="pending-invitations" className="mt-8">
        <h2 id="pending-invitations" className="text-lg font-semibold">
          {t('pendingHeading')}
        </h2>
        {pending.length === 0 ? (
          <p className="mt-2">{t('noPending')}</p>
        ) : (
          <StaffTable caption={t('pendingCaption')} columns={[t('roleLabel'), t('colCreatedBy'), t('colCreated'), t('colExpires'), t('colActions')]} className="mt-2">
                {pending.map((inv) => (
                  <tr key={inv.id}>
                    <th scope="row" className={`${staffCell} font-normal`}>{staff(`roles.${inv.role}`)}</th>
                    <td className={staffCell}>{inv.createdBy ? <bdi>{inv.createdBy}</bdi> : t('setupCommand')}</td>
                    <td className={staffCell}>{formatDate(inv.createdAt, locale)}</td>
                    <td className={staffCell}>{formatDate(inv.expiresAt, locale)}</td>
                    <td className={staffCell}>
                      <RevokeInvitationForm
                        action={revokeInvitationAction}
                        invitationId={inv.id}
                        labels={{ summary: t('revokeInvitation'), warning: t('revokeInvitationWarning'), confirm: t('confirm'), gone: t('invitationGone') }}
                      />
                    </td>
                  </tr>
                ))}
          </StaffTable>
        )}
      </section>
    </FormMessages>
  );
}
