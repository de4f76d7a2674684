// The optional e-mail notice (PRODUCT.md §4: "e-mail only if the user gave one"), sent from the job
// queue. An inbox may be read by others, so the notice says only that there is news in the account:
// never a name, a status, a testimony, a moderator or any text of theirs. The address is decrypted
// here and nowhere else, and never logged: the transport's logger is off, and a failure reaches the
// jobs table and the log only as an error name and code (lib/jobs/queue.ts `describeError`).
import { eq } from 'drizzle-orm';
import { hasLocale } from 'next-intl';
import nodemailer, { type Transporter } from 'nodemailer';
import { users } from '@/db/schema';
import { openAccountEmail } from '@/lib/auth/account-email';
import { env } from '@/lib/env.mjs';
import type { JobHandler } from '@/lib/jobs/worker';
import { PermanentJobError } from '@/lib/jobs/worker';
import { routing } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/open-data/translator';

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) {
    transport = {
      url,
      transporter: nodemailer.createTransport({ url, logger: false, debug: false, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 30_000 }),
    };
  }
  return transport.transporter;
}

/** The sender: SMTP_FROM, else a no-reply address at the site's host. */
function sender(): string {
  const { SMTP_FROM, AUTH_URL } = env();
  return SMTP_FROM ?? `no-reply@${AUTH_URL ? new URL(AUTH_URL).hostname : 'localhost'}`;
}

/** The words of a notice, in the account's language: the same for every notice. */
export function noticeText(locale: string): { subject: string; text: string } {
  const language = hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
  const t = translatorFor(language, 'Notifications');
  const base = env().AUTH_URL;
  const link = base ? `\n\n${new URL(`/${language}/notifications`, base).href}` : '';
  return { subject: t('email.subject'), text: `${t('email.body')}${link}\n\n${t('email.footer')}` };
}

export const sendEmailNoticeJob: JobHandler = async (payload, { db }) => {
  const url = env().SMTP_URL;
  // SMTP was configured when the job was queued and is not any more: nothing to send.
  if (!url) return;
  if (typeof payload.userId !== 'string') throw new PermanentJobError('bad payload');
  const [row] = await db
    .select({ emailEncrypted: users.emailEncrypted, dataKey: users.dataKey, locale: users.locale, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, payload.userId));
  // The account was deleted or disabled, or removed its address since: no notice.
  const address = row && !row.disabledAt ? openAccountEmail(row) : null;
  if (!address) return;
  await transporterFor(url).sendMail({ from: sender(), to: address, ...noticeText(row!.locale) });
};
