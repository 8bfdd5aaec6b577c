import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ApiError } from '../lib/problem';
import { ErrorSummary, FormError, TextField, labelFor, useFormErrors } from './form';

function Demo({ error }: { error: unknown }) {
  const { fieldErrors, formError, focusKey, failWith } = useFormErrors();
  const [title, setTitle] = useState('');
  return (
    <>
      <ErrorSummary errors={fieldErrors} labels={{ title: 'Titel', startYear: 'Eerste jaar' }} focusKey={focusKey} />
      <FormError message={formError} focusKey={focusKey} />
      <TextField name="title" label="Titel" required value={title} onChange={setTitle} error={fieldErrors.title} />
      <TextField name="startYear" label="Eerste jaar" value="" onChange={() => {}} error={fieldErrors.startYear} />
      <button type="button" onClick={() => failWith(error)}>
        Opslaan
      </button>
    </>
  );
}

describe('form errors', () => {
  it('puts each of the API\'s invalidParams at its field and in a summary that takes focus and links there', async () => {
    const user = userEvent.setup();
    const problem = new ApiError('Niet alles is goed ingevuld.', 400, 'validation_failed', [
      { name: 'title', reason: 'vul dit in' },
      { name: 'startYear', reason: 'moet tussen 1900 en 2100 liggen' },
    ]);
    render(<Demo error={problem} />);
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent('Er zijn 2 fouten gevonden');
    const title = screen.getByLabelText('Titel');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Fout: vul dit in');
    expect(screen.getByLabelText(/Eerste jaar/)).toHaveAccessibleDescription('Fout: moet tussen 1900 en 2100 liggen');
    await user.click(screen.getByRole('link', { name: 'Titel: vul dit in' }));
    expect(title).toHaveFocus();
  });

  it('shows a problem without field errors above the form, in Dutch', async () => {
    const user = userEvent.setup();
    render(<Demo error={new ApiError('U mag dit niet doen met uw rol.', 403, 'forbidden')} />);
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.getByRole('alert')).toHaveTextContent('U mag dit niet doen met uw rol.');
    expect(screen.getByRole('alert')).toHaveFocus();
    expect(screen.getByLabelText('Titel')).not.toHaveAttribute('aria-invalid');
  });

  it('names a nested field by its closest known label', () => {
    expect(labelFor('areas[0].target.value', { areas: 'Gebieden' })).toBe('Gebieden');
    expect(labelFor('title', { title: 'Titel' })).toBe('Titel');
    expect(labelFor('onbekend', {})).toBe('onbekend');
  });
});
