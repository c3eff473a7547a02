import { ApiError } from '@/lib/api-client';

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** ErrorState explains a failed request and offers to try again. */
export function ErrorState({
  error,
  title = 'No pudimos cargar esta información',
  onRetry,
}: Props) {
  const apiError = error instanceof ApiError ? error : undefined;
  const message = apiError?.message ?? 'Algo salió mal. Intenta de nuevo.';

  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-900"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{message}</p>
      {apiError?.requestId && (
        <p className="mt-1 text-xs text-rose-700">
          Código de la solicitud: <code>{apiError.requestId}</code>
        </p>
      )}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-700"
        >
          Reintentar
        </button>
      )}
    </div>
  );
}
