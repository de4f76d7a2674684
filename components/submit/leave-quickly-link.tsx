'use client';
import { usePathname } from 'next/navigation';

/**
 * "Leave quickly" (PRODUCT.md §2.9): on submission pages only, first after the skip link. Without
 * JavaScript it is a plain link to the home page; with JavaScript it replaces this page in the
 * history, so "Back" does not return to the testimony.
 */
export function LeaveQuicklyLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  if (!/^\/(fa|en)\/(submit|my-testimonies)(\/|$)/.test(pathname ?? '')) return null;
  return (
    <a
      href={href}
      className="fixed end-2 top-2 z-50 rounded bg-red-800 px-3 py-2 font-semibold text-white no-underline shadow hover:bg-red-900 focus:outline-2 focus:outline-offset-2"
      onClick={(event) => {
        event.preventDefault();
        window.location.replace(href);
      }}
    >
      {label}
    </a>
  );
}
