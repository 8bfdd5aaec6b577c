import { toApiError } from './problem';

describe('problems from the API', () => {
  it('keeps the API\'s Dutch detail, its field errors and refused rows', () => {
    const e = toApiError(422, {
      detail: '1 regel is geweigerd.',
      code: 'rows_rejected',
      rejectedRows: [{ line: 3, reason: 'periode onbekend' }],
    });
    expect(e.message).toBe('1 regel is geweigerd.');
    expect(e.rejectedRows).toEqual([{ line: 3, reason: 'periode onbekend' }]);
  });

  it('explains a 403 in the user\'s terms, not the API\'s rule', () => {
    expect(toApiError(403, { detail: 'EnterMeasurement not allowed' }).message).toBe(
      'U mag dit niet doen met uw rol. Vraag het aan een coördinator of beheerder.',
    );
  });

  it('never shows raw JSON or nothing: a body without detail gets a sentence for its status', () => {
    expect(toApiError(500, 'Internal Server Error').message).toMatch(/^Er ging iets mis op de server/);
    expect(toApiError(503, null).message).toMatch(/tijdelijk niet bereikbaar/);
  });
});
