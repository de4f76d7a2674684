// The page proxy.ts answers while the database is down (docs/security.md, "Database outage"):
// plain server-made HTML, so it reads the same with or without JavaScript, in the reader's language,
// with no script at all. After a form post it gives back what was typed and a button that sends the
// same form again (the action's own fields included, so the real page answers it once we are back).
import en from '@/lib/i18n/messages/en.json';
import fa from '@/lib/i18n/messages/fa.json';
import type { Locale } from '@/lib/i18n/routing';
import { newNonce } from './headers.mjs';
import { isSecretField, typedFieldLabels } from './outage-fields';
import { escapeHtml, plainDocument, plainPageHeaders } from './plain-page';

const catalogues = { fa, en } as const;

export type PostedForm = {
  /** Every posted text field, in order, secrets already removed. */
  fields: [name: string, value: string][];
  /** A file was chosen (files are not kept). */
  hadFiles: boolean;
  /** A passphrase or code was dropped. */
  hadSecrets: boolean;
};

/** The text fields of a post, without secrets, and whether files or secrets were left out. */
export function postedForm(formData: FormData): PostedForm {
  const posted: PostedForm = { fields: [], hadFiles: false, hadSecrets: false };
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string') posted.hadFiles ||= value.size > 0;
    else if (isSecretField(name)) posted.hadSecrets ||= value !== '';
    else posted.fields.push([name, value]);
  }
  return posted;
}

/** A catalogue message for pages made outside React (this one, lib/security/cross-site-page.ts). */
export function message(locale: Locale, key: string): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues[locale]);
  if (typeof found !== 'string') throw new Error(`missing message ${locale}:${key}`);
  return found;
}

/**
 * `action`: the path asked for, or posted to (same origin; sent again to it). `posted`: the post,
 * when this answers one (with no fields when its body could not be read).
 */
export function outagePage({ locale, nonce, action, posted }: { locale: Locale; nonce: string; action: string; posted?: PostedForm }): string {
  const t = (key: string) => escapeHtml(message(locale, key));
  const typed = posted?.fields.some(([name, value]) => name in typedFieldLabels && value.trim() !== '');
  const form = posted?.fields.length
    ? [
        `<form method="post" action="${escapeHtml(action)}" enctype="multipart/form-data">`,
        ...posted.fields.map(([name, value], index) =>
          name in typedFieldLabels && value.trim() !== ''
            ? `<p><label for="kept-${index}">${t(typedFieldLabels[name]!)}</label><textarea id="kept-${index}" name="${escapeHtml(name)}" dir="auto" rows="${Math.min(12, 2 + Math.ceil(value.length / 70))}">${escapeHtml(value)}</textarea></p>`
            : `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
        ),
        `<button type="submit">${t('Outage.sendAgain')}</button>`,
        '</form>',
      ]
    : posted
      ? []
      : [`<p><a href="${escapeHtml(action)}">${t('ErrorPage.retry')}</a></p>`];
  const notes = [posted?.hadFiles && 'Outage.filesAgain', posted?.hadSecrets && 'Outage.secretsAgain'].filter((key): key is string => !!key);
  return plainDocument({
    locale,
    title: t('ErrorPage.title'),
    nonce,
    style: 'label{display:block;font-weight:600}textarea{width:100%;box-sizing:border-box;font:inherit}button{font:inherit;font-weight:600;padding:.4rem 1rem}',
    main: [
      `<h1>${t('ErrorPage.title')}</h1>`,
      `<p role="alert">${posted ? t(typed ? 'Outage.notSentKept' : 'Outage.notSent') : t('Outage.body')}</p>`,
      ...notes.map((key) => `<p>${t(key)}</p>`),
      ...form,
      `<p><a href="/${locale}">${t('ErrorPage.homeLink')}</a></p>`,
    ],
  });
}

/**
 * The 503 answer: the page, the headers every response carries, a CSP with a fresh nonce, never
 * stored, and when to try again.
 */
export function outageResponse({ head = false, ...page }: Omit<Parameters<typeof outagePage>[0], 'nonce'> & { head?: boolean }): Response {
  const nonce = newNonce();
  const headers = plainPageHeaders(nonce);
  headers.set('Retry-After', '30');
  return new Response(head ? null : outagePage({ ...page, nonce }), { status: 503, headers });
}
