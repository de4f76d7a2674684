'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * A navigation link that marks itself `aria-current="page"` on its own page (and, unless `exact`,
 * below it). A client component only for `usePathname`; it is rendered on the server too, so the
 * mark is in the HTML without JavaScript.
 */
export function NavLink({ href, exact = false, className, children }: {
  href: string;
  exact?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const current = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    // No prefetching: readers may be on slow, metered or watched connections.
    <Link href={href} prefetch={false} aria-current={current ? 'page' : undefined} className={className}>
      {children}
    </Link>
  );
}
