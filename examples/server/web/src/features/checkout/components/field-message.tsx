/** FieldMessage is the error of a group of choices, tied to it by id. */
export function FieldMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-sm text-rose-700">
      {error}
    </p>
  );
}
