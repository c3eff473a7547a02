import { ApiError } from './api-client';

/**
 * The server's message for a field, if it named one of these fields,
 * capitalized to stand alone under the input ("Es obligatorio").
 */
export function fieldError(
  error: unknown,
  ...fields: string[]
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const message = error.fields.find((f) => fields.includes(f.field))?.message;
  return message && message.charAt(0).toUpperCase() + message.slice(1);
}

/** Whether the server named a field that starts with one of the prefixes. */
export function namesField(error: unknown, ...prefixes: string[]): boolean {
  return (
    error instanceof ApiError &&
    error.fields.some((f) => prefixes.some((p) => f.field.startsWith(p)))
  );
}
