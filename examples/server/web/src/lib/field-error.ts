import { ApiError } from './api-client';

/** The message of the server for a field, if it named that field. */
export function fieldError(
  error: unknown,
  ...fields: string[]
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => fields.includes(f.field))?.message;
}
