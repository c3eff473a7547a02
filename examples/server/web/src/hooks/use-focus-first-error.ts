import { useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Moves focus to the first invalid field of the form each time a new set
 * of errors is shown, so keyboard and screen reader users land on it.
 */
export function useFocusFirstError(
  form: RefObject<HTMLFormElement | null>,
  errors: object,
) {
  useEffect(() => {
    const first = form.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"]',
    );
    first?.focus();
  }, [form, errors]);
}
