import { ApiError } from '@/lib/api-client';

/**
 * FormError explains why a form could not be sent, when the reason is not
 * one of its fields.
 */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const message = apiError?.message ?? 'Algo salió mal. Intenta de nuevo.';
  return (
    <div
      role="alert"
      className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900"
    >
      <p>{message.charAt(0).toLocaleUpperCase('es-CL') + message.slice(1)}</p>
      {apiError?.requestId && (
        <p className="mt-1 text-xs text-rose-700">
          Código de la solicitud: <code>{apiError.requestId}</code>
        </p>
      )}
    </div>
  );
}
