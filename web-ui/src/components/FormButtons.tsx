/** Save and cancel at the foot of a form; saving says it is busy and cannot be pressed twice. */
export function FormButtons({ busy, onCancel, saveLabel = 'Opslaan' }: { busy: boolean; onCancel: () => void; saveLabel?: string }) {
  return (
    <div className="form-buttons">
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
        {busy ? 'Bezig met opslaan…' : saveLabel}
      </button>
      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>
        Annuleren
      </button>
    </div>
  );
}
