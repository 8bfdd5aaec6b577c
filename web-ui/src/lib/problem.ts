// Errors from the API (RFC 9457 problem+json) as something a user can read.

export interface InvalidParam {
  name: string;
  reason: string;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

/** A request the API refused or could not answer; `message` is a Dutch sentence to show. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly invalidParams: InvalidParam[] = [],
    readonly rejectedRows: RejectedRow[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get notFound() {
    return this.status === 404;
  }
  get forbidden() {
    return this.status === 403;
  }
}

/** What to say when the API gave no usable `detail`. */
export function sentenceForStatus(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return 'Niet alle gegevens zijn goed ingevuld. Kijk de velden na.';
    case 401:
      return 'U bent niet (meer) ingelogd. Log opnieuw in.';
    case 403:
      return 'U mag dit niet doen met uw rol. Vraag het aan een coördinator of beheerder.';
    case 404:
      return 'Dit onderdeel bestaat niet (meer), of u heeft er geen toegang toe.';
    case 409:
      return 'Dit botst met gegevens die er al zijn.';
    case 412:
      return 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.';
    case 413:
      return 'Het bestand of de invoer is te groot.';
    case 429:
      return 'Te veel verzoeken kort na elkaar. Wacht even en probeer het opnieuw.';
    case 503:
      return 'Het platform is tijdelijk niet bereikbaar. Probeer het over een paar minuten opnieuw.';
    default:
      return status >= 500
        ? 'Er ging iets mis op de server. Probeer het later opnieuw; blijft het misgaan, meld het dan bij de beheerder.'
        : 'Dit verzoek lukte niet. Probeer het opnieuw.';
  }
}

/** Builds an ApiError from whatever the API answered (problem+json, or anything else). */
export function toApiError(status: number, body: unknown): ApiError {
  const problem = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const code = typeof problem.code === 'string' ? problem.code : undefined;
  // A 403's detail is about the API's rules; the user needs to know what it means for them.
  const detail =
    status !== 403 && typeof problem.detail === 'string' && problem.detail.trim() !== ''
      ? problem.detail
      : sentenceForStatus(status);
  const invalidParams = Array.isArray(problem.invalidParams)
    ? (problem.invalidParams as InvalidParam[])
    : [];
  const rejectedRows = Array.isArray(problem.rejectedRows)
    ? (problem.rejectedRows as RejectedRow[])
    : [];
  return new ApiError(detail, status, code, invalidParams, rejectedRows);
}

export const networkError = () =>
  new ApiError(
    'Er is geen verbinding met het platform. Controleer uw internetverbinding en probeer het opnieuw.',
    0,
    'network',
  );

/** openapi-fetch's result as data, or a thrown ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw networkError();
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}
