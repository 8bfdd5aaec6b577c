import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, useRouteError } from 'react-router';
import { Root } from './Root';
import { Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireSession } from '../features/auth/RequireSession';
import { TenantRoute } from '../features/tenants/TenantContext';
import { HomePage } from '../features/tenants/HomePage';
import { NotFoundPage } from '../features/pages/NotFoundPage';
import { NotYetAvailablePage } from '../features/pages/NotYetAvailablePage';
import { AccessibilityPage } from '../features/pages/AccessibilityPage';
import { OverviewPage } from '../features/overview/OverviewPage';

// Pages load when first visited: the sign-in page does not carry the charts.
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  const Component = lazy(async () => ({ default: pick(await load()) }));
  return (
    <Suspense fallback={<Loading what="de pagina" />}>
      <Component />
    </Suspense>
  );
}

function RouteError() {
  const error = useRouteError();
  console.warn(error);
  return (
    <Page title="Er ging iets mis">
      <p className="utrecht-paragraph">
        Deze pagina kon niet worden getoond. Laad de pagina opnieuw. Gaat het weer mis, meld het dan bij de beheerder
        van uw samenwerkingsverband.
      </p>
    </Page>
  );
}

const soon = (title: string, what: string) => <NotYetAvailablePage title={title} what={what} />;

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/inloggen', element: <LoginPage /> },
      { path: '/toegankelijkheid', element: <AccessibilityPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomePage /> },
          {
            path: '/beheer/samenwerkingsverbanden',
            element: page(() => import('../features/tenants/PlatformTenantsPage'), (m) => m.PlatformTenantsPage),
          },
          { path: '/instellingen/meldingen', element: soon('Meldingen', 'Uw instellingen voor e-mail') },
          { path: '/mijn-taken', element: soon('Mijn taken', 'Uw taken') },
          {
            path: '/samenwerkingsverbanden/:slug',
            element: <TenantRoute />,
            children: [
              // The landing page of every email is in the first bundle: no extra round trip.
              { index: true, element: <OverviewPage /> },
              { path: 'plannen', element: page(() => import('../features/plans/PlansPage'), (m) => m.PlansPage) },
              { path: 'plannen/nieuw', element: page(() => import('../features/plans/PlanFormPage'), (m) => m.PlanFormPage) },
              { path: 'plannen/:planId', element: page(() => import('../features/plans/PlanPage'), (m) => m.PlanPage) },
              {
                path: 'plannen/:planId/bewerken',
                element: page(() => import('../features/plans/PlanFormPage'), (m) => m.PlanFormPage),
              },
              {
                path: 'prioriteiten/nieuw',
                element: page(() => import('../features/priorities/PriorityFormPage'), (m) => m.PriorityFormPage),
              },
              {
                path: 'prioriteiten/:priorityId',
                element: page(() => import('../features/priorities/PriorityPage'), (m) => m.PriorityPage),
              },
              {
                path: 'prioriteiten/:priorityId/bewerken',
                element: page(() => import('../features/priorities/PriorityFormPage'), (m) => m.PriorityFormPage),
              },
              {
                path: 'prioriteiten/:priorityId/actiepunten/nieuw',
                element: page(() => import('../features/priorities/ActionFormPage'), (m) => m.ActionFormPage),
              },
              {
                path: 'prioriteiten/:priorityId/actiepunten/:actionId/bewerken',
                element: page(() => import('../features/priorities/ActionFormPage'), (m) => m.ActionFormPage),
              },
              {
                path: 'indicatoren',
                element: page(() => import('../features/indicators/IndicatorsPage'), (m) => m.IndicatorsPage),
              },
              {
                path: 'indicatoren/nieuw',
                element: page(() => import('../features/indicators/IndicatorFormPage'), (m) => m.IndicatorFormPage),
              },
              {
                path: 'indicatoren/:indicatorId',
                element: page(() => import('../features/indicators/IndicatorPage'), (m) => m.IndicatorPage),
              },
              {
                path: 'indicatoren/:indicatorId/bewerken',
                element: page(() => import('../features/indicators/IndicatorFormPage'), (m) => m.IndicatorFormPage),
              },
              {
                path: 'metingen/importeren',
                element: page(() => import('../features/measurements/ImportPage'), (m) => m.ImportPage),
              },
              { path: 'expertgroepen', element: soon('Expertgroepen', 'De expertgroepen en hun evaluaties') },
              { path: 'expertgroepen/:groupId', element: soon('Expertgroep', 'Deze expertgroep en haar evaluaties') },
              {
                path: 'expertgroepen/:groupId/evaluaties/:reviewId',
                element: soon('Evaluatie', 'Deze evaluatie'),
              },
              { path: 'toezeggingen', element: soon('Toezeggingen', 'De toezeggingen aan de raden') },
              { path: 'toezeggingen/:commitmentId', element: soon('Toezegging', 'Deze toezegging') },
              { path: 'veiligheidsbrieven', element: soon('Veiligheidsbrieven', 'De Veiligheidsbrieven') },
              { path: 'veiligheidsbrieven/:letterId', element: soon('Veiligheidsbrief', 'Deze Veiligheidsbrief') },
              { path: 'beheer/*', element: soon('Beheer', 'Het beheer van gebruikers en gemeenten') },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
