import { type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { FormButtons } from '../../components/FormButtons';
import { QueryView } from '../../components/QueryView';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { SelectField, TextAreaField, TextField, ValidatedForm, useFormErrors, type FieldErrors } from '../../components/form';
import { useDraft } from '../../lib/drafts';
import { actionStatusLabels } from '../../lib/labels';
import type { Action, Priority, ActionRequest } from '../../api/types';
import { useTenant } from '../tenants/TenantContext';
import { OwnerField } from '../tenants/OwnerField';
import { useAction, useDeleteAction, usePriority, useSaveAction } from './api';

const labels = { title: 'Actiepunt', description: 'Toelichting', dueOn: 'Klaar op', status: 'Status', priorityId: 'Prioriteit', ownerId: 'Eigenaar' };

export function ActionFormPage() {
  const tenant = useTenant();
  const { priorityId = '', actionId = '' } = useParams();
  const priority = usePriority(tenant.slug, priorityId);
  const action = useAction(tenant.slug, actionId);
  return (
    <QueryView query={priority} what="de prioriteit">
      {(p) =>
        actionId ? (
          <QueryView query={action} what="het actiepunt">
            {(a) => <ActionForm priority={p} action={a} />}
          </QueryView>
        ) : (
          <ActionForm priority={p} />
        )
      }
    </QueryView>
  );
}

function ActionForm({ priority, action }: { priority: Priority; action?: Action }) {
  const tenant = useTenant();
  const navigate = useNavigate();
  const save = useSaveAction(tenant.slug, action?.id);
  const remove = useDeleteAction(tenant.slug);
  const back = `${tenant.base}/prioriteiten/${priority.id}`;
  const [values, setValues, discard] = useDraft(`action:${tenant.slug}:${action ? `${action.id}:${action.updatedAt}` : `nieuw:${priority.id}`}`, () => ({
    title: action?.title ?? '',
    description: action?.description ?? '',
    dueOn: action?.dueOn ?? '',
    status: action?.status ?? 'gepland',
    ownerId: action?.ownerId ?? '',
  }));
  const { fieldErrors, formError, focusKey, fail, failWith } = useFormErrors();
  const set = (k: keyof typeof values) => (v: string) => setValues({ ...values, [k]: v });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!values.title.trim()) errors.title = 'Beschrijf het actiepunt in een paar woorden.';
    if (Object.keys(errors).length > 0) return fail(errors);
    try {
      await save.mutateAsync({
        priorityId: priority.id,
        title: values.title.trim(),
        description: values.description,
        dueOn: values.dueOn || null,
        status: values.status as ActionRequest['status'],
        ownerId: values.ownerId || null,
      });
      discard();
      navigate(back);
    } catch (error) {
      failWith(error);
    }
  }

  const title = action ? 'Actiepunt bewerken' : 'Nieuw actiepunt';
  return (
    <Page
      title={title}
      breadcrumbs={[
        { label: tenant.name, to: tenant.base },
        { label: priority.title, to: back },
        { label: title },
      ]}
      actions={
        action && (
          <ConfirmDelete
            what="dit actiepunt"
            onConfirm={async () => {
              await remove.mutateAsync(action.id);
              discard();
              navigate(back);
            }}
          />
        )
      }
    >
      <ValidatedForm errors={{ fieldErrors, formError, focusKey }} labels={labels} onSubmit={submit} label={title}>
        <TextField name="title" label={labels.title} required value={values.title} onChange={set('title')} error={fieldErrors.title} />
        <TextAreaField name="description" label={labels.description} value={values.description} onChange={set('description')} error={fieldErrors.description} />
        <OwnerField value={values.ownerId} currentName={action?.ownerName} onChange={set('ownerId')} error={fieldErrors.ownerId} />
        <TextField name="dueOn" label={labels.dueOn} type="date" value={values.dueOn} onChange={set('dueOn')} error={fieldErrors.dueOn} />
        <SelectField
          name="status"
          label={labels.status}
          required
          value={values.status}
          onChange={set('status')}
          error={fieldErrors.status}
          options={Object.entries(actionStatusLabels).map(([value, text]) => ({ value, label: text }))}
        />
        <FormButtons
          busy={save.isPending}
          onCancel={() => {
            discard();
            navigate(back);
          }}
        />
      </ValidatedForm>
    </Page>
  );
}
