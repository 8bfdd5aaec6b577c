import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { directionLabels, label } from '../../lib/labels';
import type { Indicator } from '../../api/types';
import { useTenant } from '../tenants/TenantContext';
import { usePriority } from '../priorities/api';
import { useDeleteIndicator, useIndicator, useMeasurements } from './api';
import { AreaFigures } from './AreaFigures';
import { MeasurementForm } from './MeasurementForm';

export function IndicatorPage() {
  const tenant = useTenant();
  const { indicatorId = '' } = useParams();
  const indicator = useIndicator(tenant.slug, indicatorId);
  // Asked at once beside the indicator, not after it.
  useMeasurements(tenant.slug, indicatorId);
  return (
    <QueryView query={indicator} what="de indicator">
      {(i) => <IndicatorView indicator={i} />}
    </QueryView>
  );
}

function IndicatorView({ indicator: i }: { indicator: Indicator }) {
  const tenant = useTenant();
  const priority = usePriority(tenant.slug, i.priorityId);
  const measurements = useMeasurements(tenant.slug, i.id);
  const remove = useDeleteIndicator(tenant.slug);
  const navigate = useNavigate();
  const mayEdit = priority.isSuccess && tenant.can.editPriority(priority.data.municipalityId);
  // A local priority is measured only in its own municipality; a cooperation-wide one everywhere.
  const mayEnter =
    priority.isSuccess &&
    tenant.can.entersAnyMeasurement &&
    (!priority.data.municipalityId || tenant.can.enterMeasurement(priority.data.municipalityId));
  return (
    <Page
      title={i.name}
      breadcrumbs={[
        { label: tenant.name, to: tenant.base },
        { label: 'Indicatoren', to: `${tenant.base}/indicatoren` },
        ...(priority.data ? [{ label: priority.data.title, to: `${tenant.base}/prioriteiten/${i.priorityId}` }] : []),
        { label: i.name },
      ]}
      actions={
        (mayEdit || mayEnter) && (
          <>
            {mayEnter && (
              <a className="utrecht-button-link utrecht-button-link--primary-action" href="#cijfer-invoeren">
                Cijfer invoeren
              </a>
            )}
            {mayEdit && (
            <Link className="utrecht-button-link utrecht-button-link--secondary-action" to={`${tenant.base}/indicatoren/${i.id}/bewerken`}>
              Indicator bewerken
            </Link>
            )}
            {mayEdit && (
            <ConfirmDelete
              what="deze indicator"
              consequence="Dat kan alleen als er nog geen cijfers zijn ingevoerd."
              onConfirm={async () => {
                await remove.mutateAsync(i.id);
                navigate(`${tenant.base}/prioriteiten/${i.priorityId}`);
              }}
            />
            )}
          </>
        )
      }
      lead={
        <>
          {i.description && <p className="utrecht-paragraph">{i.description}</p>}
          <dl className="data-list data-list--inline">
            <div>
              <dt>Bron</dt>
              <dd>{i.source || '–'}</dd>
            </div>
            <div>
              <dt>Eenheid</dt>
              <dd>{i.unit || '–'}</dd>
            </div>
            <div>
              <dt>Richting</dt>
              <dd>{label(directionLabels, i.direction)}</dd>
            </div>
            {i.policeCode && (
              <div>
                <dt>Politiecode</dt>
                <dd>{i.policeCode}</dd>
              </div>
            )}
          </dl>
        </>
      }
    >
      {measurements.isPending ? (
        <Loading what="de metingen" />
      ) : measurements.isError ? (
        <ErrorMessage error={measurements.error} retry={() => void measurements.refetch()} />
      ) : (
        <>
          {i.areas.length === 0 && (
            <p className="utrecht-paragraph">
              Er zijn nog geen gebieden met een uitgangswaarde of streefwaarde voor deze indicator.
            </p>
          )}
          {i.areas.map((a) => (
            <AreaFigures key={a.municipalityId ?? 'heel'} indicator={i} area={a} measurements={measurements.data} />
          ))}
          {mayEnter && (
            <MeasurementForm indicator={i} measurements={measurements.data} priorityMunicipalityId={priority.data!.municipalityId ?? null} />
          )}
        </>
      )}
    </Page>
  );
}
