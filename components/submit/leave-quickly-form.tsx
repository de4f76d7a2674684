'use client';
import { useEffect, useRef, type FormEvent } from 'react';

// Two presses of Escape within this time leave the site.
const doublePressMs = 1000;
// With JavaScript, how long to wait for the server to end the session before leaving anyway.
const serverWaitMs = 1500;

/**
 * "Leave quickly" (PRODUCT.md §2.9): a bar of its own at the top of every page, first after the skip
 * link, covering nothing. The same bytes for everyone (no session, no path in it), so the shared
 * public cache (lib/public-cache) keeps it: a memorial page is as dangerous on her screen as a form. Without JavaScript it is a plain POST form to /leave (app/[locale]/leave),
 * which ends the session, clears the site from the browser and refreshes to `exitUrl`. With
 * JavaScript the page blanks at once, posts the same form in the background, and replaces itself
 * in the history with `exitUrl`, so "Back" does not return to it; Escape pressed twice does the same.
 */
export function LeaveQuicklyForm({ action, exitUrl, label, hint }: { action: string; exitUrl: string; label: string; hint: string }) {
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let last = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const now = event.timeStamp;
      if (now - last < doublePressMs) formRef.current?.requestSubmit();
      last = now;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const leave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    document.title = '';
    document.body.replaceChildren();
    const ended = fetch(action, { method: 'POST', credentials: 'same-origin', keepalive: true }).catch(() => undefined);
    void Promise.race([ended, new Promise((resolve) => setTimeout(resolve, serverWaitMs))]).then(() => window.location.replace(exitUrl));
  };

  return (
    <form ref={formRef} method="post" action={action} onSubmit={leave} className="sticky top-0 z-50 flex justify-end border-b border-line bg-white px-4 py-1">
      <button type="submit" aria-describedby="leave-quickly-hint" className="rounded bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900 focus:outline-2 focus:outline-offset-2">
        {label}
      </button>
      <span id="leave-quickly-hint" className="sr-only">
        {hint}
      </span>
    </form>
  );
}
