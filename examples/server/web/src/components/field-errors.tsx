import { ApiError } from '@/lib/api-client';

/**
 * FormError explains a failed write: the server's message and each field
 * it named, so the shopper knows what to fix.
 */
export function FormError({
  error,
  title,
}: {
  error: unknown;
  title?: string;
}) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <div
      role="alert"
      className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900"
    >
      {title && <p className="font-semibold">{title}</p>}
      <p>{apiError?.message ?? 'Algo salió mal. Intenta de nuevo.'}</p>
      {apiError && apiError.fields.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {apiError.fields.map((f) => (
            <li key={f.field}>
              <code className="text-xs">{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
