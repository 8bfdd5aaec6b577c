import { Page } from '../../components/Page';

export function AccessibilityPage() {
  return (
    <Page title="Toegankelijkheid">
      <p className="utrecht-paragraph">
        Iedereen moet het Veiligheidsplatform kunnen gebruiken. Daarom bouwen we het volgens de Europese norm
        EN 301 549 en de richtlijnen WCAG 2.1 op niveau AA, zoals de wet dat van de overheid vraagt.
      </p>
      <h2 className="utrecht-heading-2">Wat we doen</h2>
      <ul className="utrecht-unordered-list">
        <li>Alle pagina's werken met alleen een toetsenbord. Met de link "Naar de inhoud" slaat u het menu over.</li>
        <li>Elke grafiek staat ook als tabel op de pagina, met dezelfde cijfers.</li>
        <li>Een status staat er altijd in woorden en met een pictogram, niet alleen in kleur.</li>
        <li>U kunt tot 400% inzoomen zonder dat er iets wegvalt.</li>
        <li>Elke pagina wordt bij iedere wijziging automatisch getest met axe op de WCAG 2.1 A- en AA-regels.</li>
      </ul>
      <h2 className="utrecht-heading-2">Loopt u ergens tegenaan?</h2>
      <p className="utrecht-paragraph">
        Meld het bij de beheerder van uw samenwerkingsverband. Zeg op welke pagina het was en wat er misging. We
        reageren binnen vijf werkdagen.
      </p>
    </Page>
  );
}
