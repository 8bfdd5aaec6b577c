import { Link, NavLink, Outlet, useParams } from 'react-router';
import { useSession, type Me } from '../features/auth/SessionProvider';
import { label, roleLabels } from '../lib/labels';
import { useMunicipalities } from '../features/tenants/api';

/** Header, skip link, the cooperation's navigation, main content and footer of every page. */
export function AppLayout() {
  const { state, signOut } = useSession();
  const { slug } = useParams();
  const me = state.status === 'signed-in' ? state.me : null;
  const current = me?.memberships.find((m) => m.tenant === slug);
  return (
    <div className="utrecht-page app">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header app-header">
        <div className="app-header__inner">
          <Link to="/" className="app-brand">
            <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M16 2 4 6v9c0 7.5 5.1 13.4 12 15 6.9-1.6 12-7.5 12-15V6z" />
              <path fill="#fff" d="m14 20.6-4.3-4.3 1.8-1.8 2.5 2.5 6.5-6.5 1.8 1.8z" />
            </svg>
            <span>Veiligheidsplatform</span>
          </Link>
          {me && <CooperationSwitcher me={me} currentSlug={slug} />}
          {me && (
            <div className="app-user">
              <span className="app-user__name">
                {me.displayName}
                <span className="app-user__role">
                  {current ? <Roles me={me} slug={current.tenant} /> : me.isPlatformAdmin ? ' (platformbeheerder)' : ''}
                </span>
              </span>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void signOut()}>
                Afmelden
              </button>
            </div>
          )}
        </div>
        {current && <CooperationNav slug={current.tenant} me={me!} />}
      </header>
      <main id="inhoud" tabIndex={-1} className="utrecht-page-content app-main">
        <Outlet />
      </main>
      <footer className="utrecht-page-footer app-footer">
        <div className="app-footer__inner">
          <p className="utrecht-paragraph">Veiligheidsplatform voor regionale samenwerkingsverbanden</p>
          <ul className="footer-links">
            <li>
              <Link className="utrecht-link" to="/toegankelijkheid">
                Toegankelijkheid
              </Link>
            </li>
          </ul>
        </div>
      </footer>
    </div>
  );
}

function CooperationSwitcher({ me, currentSlug }: { me: Me; currentSlug: string | undefined }) {
  const tenants = [...new Map(me.memberships.map((m) => [m.tenant, m.tenantName])).entries()];
  const current = tenants.find(([s]) => s === currentSlug);
  if (tenants.length === 0) return null;
  if (tenants.length === 1) {
    const [only] = tenants;
    return (
      <p className="app-cooperation">
        <span className="visually-hidden">Samenwerkingsverband: </span>
        {only![1]}
      </p>
    );
  }
  return (
    <details className="app-cooperation app-switcher">
      <summary>
        <span className="visually-hidden">Samenwerkingsverband: </span>
        {current ? current[1] : 'Kies een samenwerkingsverband'}
        <span className="visually-hidden"> (wisselen)</span>
      </summary>
      <ul className="app-switcher__list" aria-label="Wissel van samenwerkingsverband">
        {tenants.map(([s, name]) => (
          <li key={s}>
            <Link className="utrecht-link" to={`/samenwerkingsverbanden/${s}`} aria-current={s === currentSlug ? 'true' : undefined}>
              {name}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "(coördinator, Ermelo)": the roles in this cooperation, with the municipality a role is limited to. */
function Roles({ me, slug }: { me: Me; slug: string }) {
  const municipalities = useMunicipalities(slug);
  const parts = me.memberships
    .filter((m) => m.tenant === slug)
    .map((m) => {
      const place = m.municipalityId ? municipalities.data?.find((x) => x.id === m.municipalityId)?.name : undefined;
      return `${label(roleLabels, m.role)}${place ? `, ${place}` : ''}`;
    });
  return <> ({[...new Set(parts)].join('; ')})</>;
}

// Expert groups, commitments and letters come with part 2; until then only the links in emails
// and the overview's counts lead there, to a page that says so.
function CooperationNav({ slug, me }: { slug: string; me: Me }) {
  const base = `/samenwerkingsverbanden/${slug}`;
  const enters = me.memberships.some((m) => m.tenant === slug && (m.role === 'tenant_admin' || m.role === 'coordinator'));
  const items: [string, string, boolean][] = [
    ['Overzicht', base, true],
    ['Plannen', `${base}/plannen`, false],
    ['Indicatoren', `${base}/indicatoren`, false],
    [enters ? 'Cijfers importeren' : 'Cijfers downloaden', `${base}/metingen/importeren`, false],
  ];
  return (
    <nav aria-label="Hoofdmenu" className="utrecht-nav-bar app-nav">
      <ul className="app-nav__list">
        {items.map(([text, to, end]) => (
          <li key={to}>
            <NavLink to={to} end={end} className="app-nav__link">
              {text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
