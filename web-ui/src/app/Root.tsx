import { SessionProvider } from '../features/auth/SessionProvider';
import { AppLayout } from './AppLayout';

/** The session needs the router (to send an expired session to /inloggen), so it lives inside it. */
export function Root() {
  return (
    <SessionProvider>
      <AppLayout />
    </SessionProvider>
  );
}
