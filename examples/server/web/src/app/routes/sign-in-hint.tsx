/** SignInHint tells a signed-out shopper how to sign in. */
export function SignInHint() {
  return (
    <p className="mt-1 text-sm">
      Entra con tu cuenta, o crea una, desde el menú de arriba.
    </p>
  );
}
