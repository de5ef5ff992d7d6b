/** One link of a navigation. */
export interface NavLink {
  href: string;
  title: string;
  isCurrent: boolean;
}

/** A navigation: one link per page, the current one marked for assistive tech. */
export function Nav({
  label,
  links,
  class: className = 'nav',
}: {
  label: string;
  links: NavLink[];
  class?: string;
}) {
  return (
    <nav aria-label={label}>
      <ul class={className}>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.isCurrent ? 'page' : undefined}>
              {link.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
