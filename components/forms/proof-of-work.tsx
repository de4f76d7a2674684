'use client';
import type {} from 'altcha/types/react';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { proofField } from '@/lib/abuse/challenge-fields';

// Every string the widget can show, from our catalogue (its own strings would be its English or
// its Persian, and a link to its website). The logo and the footer are hidden.
const keys = ['label', 'verifying', 'verified', 'verificationRequired', 'waitAlert', 'error', 'expired', 'loading', 'reload', 'verify', 'cancel', 'enterCode', 'enterCodeAria', 'enterCodeFromImage', 'getAudioChallenge'] as const;
const configuration = JSON.stringify({ hideLogo: true, hideFooter: true, humanInteractionSignature: false });

/**
 * The ALTCHA widget (lib/abuse/proof-of-work.ts): solves a proof of work as soon as the form is
 * shown and adds it to the form, so the server does not make the person wait. Loaded only here,
 * after the page, from our own origin. It never holds the form back (the forms are `noValidate`):
 * without JavaScript, or before or without a solution, the form's timed challenge decides.
 * Goes before the submit button of a form with a FormGate; the page's FormMessages must include
 * the `ProofOfWork` namespace.
 */
export function ProofOfWork() {
  const t = useTranslations('ProofOfWork');
  const locale = useLocale();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // The widget needs a secure context (HTTPS or localhost) and says so only in English.
    if (!window.isSecureContext) return;
    let mounted = true;
    const strings = { ...Object.fromEntries(keys.map((k) => [k, t(k)])), ariaLinkLabel: '', footer: '' };
    import('./altcha-widget').then(
      ({ setUpAltcha }) => {
        setUpAltcha(locale, strings);
        if (mounted) setReady(true);
      },
      () => {},
    );
    return () => {
      mounted = false;
    };
  }, [locale, t]);
  if (!ready) return null;
  return (
    <div className="mt-4">
      <altcha-widget challenge="/api/altcha/challenge" name={proofField} language={locale} auto="onload" configuration={configuration} />
    </div>
  );
}
