import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/Feedback';
import { returnPath, useSession } from './SessionProvider';

/** Pages behind sign-in: a visitor without a session goes to /inloggen and comes back after. */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <Loading what="uw sessie" />;
  if (state.status === 'anonymous') {
    if (state.why === 'signed-out') return <Navigate to="/inloggen?afgemeld=1" replace />;
    if (state.why === 'signed-out-unconfirmed') return <Navigate to="/inloggen?afgemeld=onbevestigd" replace />;
    const terug = encodeURIComponent(returnPath(location));
    return <Navigate to={`/inloggen?terug=${terug}${state.why === 'expired' ? '&verlopen=1' : ''}`} replace />;
  }
  return <Outlet />;
}
