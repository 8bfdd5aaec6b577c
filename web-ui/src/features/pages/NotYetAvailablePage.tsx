import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';

/**
 * A page that emails already link to and that comes in a later release: say so plainly, and say
 * where the user can go now.
 */
export function NotYetAvailablePage({ title, what }: { title: string; what: string }) {
  const { slug } = useParams();
  return (
    <Page title={title}>
      <p className="utrecht-paragraph">
        {what} kunt u binnenkort hier bekijken. Dit deel van het platform is nog niet beschikbaar.
      </p>
      <p className="utrecht-paragraph">
        Tot die tijd vindt u de stand van zaken in de e-mails van het platform, of vraagt u het aan de coördinator
        van uw samenwerkingsverband.
      </p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={slug ? `/samenwerkingsverbanden/${slug}` : '/'}>
          Naar het overzicht
        </Link>
      </p>
    </Page>
  );
}
