import Link from 'next/link';
import type { ReactNode } from 'react';

/** One way onward from a memorial page (submit, statistics, data, feed): a titled link and a line on what is there. */
export function LinkCard({ href, title, text, plain = false }: { href: string; title: ReactNode; text?: ReactNode; plain?: boolean }) {
  return (
    <li className="rounded border border-line bg-white p-4">
      {/* A feed is a file, not a page: a plain link, never a client-side navigation. */}
      {plain ? (
        <a href={href} className="font-semibold">
          {title}
        </a>
      ) : (
        <Link href={href} prefetch={false} className="font-semibold">
          {title}
        </Link>
      )}
      {text ? <p className="mt-1 text-sm text-muted">{text}</p> : null}
    </li>
  );
}
