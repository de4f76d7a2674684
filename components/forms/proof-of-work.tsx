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
 * The ALTCHA widget (lib/abuse/proof-of-work.ts): solves a proof of work while the person fills
 * the form and adds it to the form, so the server does not make them wait. Loaded only here, from
 * our own origin, and only once the person starts using the page (a key, a tap, a field focused):
 * its script and the first solving round then never compete with the page's own loading (sign-up
 * scored 80 on a phone with the widget loaded at once; issue 18 §9). A form takes far longer to fill
 * than the proof takes to solve. It never holds the form back (the forms are `noValidate`):
 * without JavaScript, or before or without a solution, the form's timed challenge decides.
 * `start="now"` loads it with the page (a form with no field to use first).
 * Goes before the submit button of a form with a FormGate; the page's FormMessages must include
 * the `ProofOfWork` namespace.
 */
export function ProofOfWork({ start = 'on-use' }: { start?: 'on-use' | 'now' }) {
  const t = useTranslations('ProofOfWork');
  const locale = useLocale();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // The widget needs a secure context (HTTPS or localhost) and says so only in English.
    if (!window.isSecureContext) return;
    let mounted = true;
    const strings = { ...Object.fromEntries(keys.map((k) => [k, t(k)])), ariaLinkLabel: '', footer: '' };
    const events = ['focusin', 'pointerdown', 'keydown', 'touchstart'] as const;
    const stopListening = () => events.forEach((e) => document.removeEventListener(e, load, true));
    function load() {
      stopListening();
      import('./altcha-widget').then(
        ({ setUpAltcha }) => {
          setUpAltcha(locale, strings);
          if (mounted) setReady(true);
        },
        () => {},
      );
    }
    // Already in use (a field focused before this script ran): load now.
    // `now`: a form with nothing to fill (the last step's single button) cannot wait for a field.
    if (start === 'now' || (document.activeElement && document.activeElement !== document.body)) load();
    else events.forEach((e) => document.addEventListener(e, load, { capture: true, passive: true }));
    return () => {
      mounted = false;
      stopListening();
    };
  }, [locale, t, start]);
  if (!ready) return null;
  return (
    <div className="mt-4">
      <altcha-widget challenge="/api/altcha/challenge" name={proofField} language={locale} auto="onload" configuration={configuration} />
    </div>
  );
}
