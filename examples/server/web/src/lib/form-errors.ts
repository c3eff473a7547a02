import { ApiError } from './api-client';

/** The message to show next to each field, by the field's name. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The field errors of a failed request, one message per field (the server
 * may send several for one field; they are joined). Messages from the
 * server are Spanish already; they start with a capital here.
 */
export function apiFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string[]> = {};
  for (const { field, message } of error.fields) {
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    (out[field] ??= []).push(message);
  }
  return Object.fromEntries(
    Object.entries(out).map(([field, messages]) => [
      field,
      sentence(messages.join('; ')),
    ]),
  );
}

function sentence(text: string): string {
  const first = text.charAt(0).toLocaleUpperCase('es-CL') + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** Whether there is any error to show. */
export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** A syntactic check of an email address, as forms do before sending. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;
}

/** Whether a Chilean or international phone looks right (E.164-ish). */
export function isPhone(value: string): boolean {
  return /^\+?[\d\s-]{8,16}$/.test(value);
}
