import { useEffect, useRef, type ReactNode } from 'react';
import { Breadcrumbs, type Crumb } from './Breadcrumbs';

interface PageProps {
  /** The h1, and the first part of the browser tab's title. */
  title: string;
  breadcrumbs?: Crumb[];
  /** Shown beside the heading: buttons and links for what can be done here. */
  actions?: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
}

/**
 * One page of the app: its title in the browser tab, breadcrumbs and one h1. Focus moves to the
 * heading after client-side navigation, so a screen reader announces the new page.
 */
export function Page({ title, breadcrumbs, actions, lead, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Veiligheidsplatform`;
  }, [title]);
  useEffect(() => {
    // Not on the first page load: there the browser starts at the top, with the skip link first.
    if (navigatedInApp.current) heading.current?.focus({ preventScroll: false });
    navigatedInApp.current = true;
  }, []);
  return (
    <>
      {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} />}
      <div className="page-heading">
        <h1 className="utrecht-heading-1" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {lead && <div className="page-lead">{lead}</div>}
      {children}
    </>
  );
}

const navigatedInApp = { current: false };
