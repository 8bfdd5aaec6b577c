import { Link } from 'react-router';

export interface Crumb {
  label: string;
  to?: string;
}

/** Where this page sits; the last crumb is the page itself. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Kruimelpad" className="utrecht-breadcrumb-nav breadcrumbs">
      <ol className="utrecht-breadcrumb-nav__list">
        {items.map((item, i) => (
          <li key={`${item.label}-${i}`} className="utrecht-breadcrumb-nav__item">
            {item.to && i < items.length - 1 ? (
              <Link className="utrecht-breadcrumb-nav__link utrecht-link" to={item.to}>
                {item.label}
              </Link>
            ) : (
              <span aria-current={i === items.length - 1 ? 'page' : undefined}>{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
