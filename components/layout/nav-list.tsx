import { NavLink } from './nav-link';

export type NavItem = { href: string; label: string; exact?: boolean };

const linkClass = 'rounded px-1 py-0.5 no-underline hover:underline aria-[current=page]:font-bold aria-[current=page]:underline';

/** A labelled navigation landmark whose links mark the current page (site and staff menus). */
export function NavList({ label, items, className, linkClassName = '' }: {
  label: string;
  items: readonly NavItem[];
  className?: string;
  linkClassName?: string;
}) {
  return (
    <nav aria-label={label} className={className}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {items.map((item) => (
          <li key={item.href}>
            <NavLink href={item.href} exact={item.exact} className={`${linkClass} ${linkClassName}`.trim()}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
