import { Link } from 'react-router';
import { Page } from '../../components/Page';

/** One page for an unknown address and for a cooperation the user is not a member of. */
export function NotFoundPage() {
  return (
    <Page title="Pagina niet gevonden">
      <p className="utrecht-paragraph">
        Deze pagina bestaat niet, of u heeft er geen toegang toe. Controleer het adres, of ga naar de{' '}
        <Link className="utrecht-link" to="/">
          startpagina
        </Link>
        .
      </p>
      <p className="utrecht-paragraph">
        Komt u hier via een link in een e-mail? Dan hoort die link misschien bij een ander samenwerkingsverband of
        een ander account.
      </p>
    </Page>
  );
}
