// The password policy of the specification (section 7.2), as the server
// enforces it; the forms show it live so nobody learns it by failing.

export interface PasswordRule {
  id: string;
  label: string;
  test(password: string): boolean;
}

export const passwordRules: PasswordRule[] = [
  {
    id: 'length',
    label: 'Al menos 8 caracteres',
    test: (p) => [...p].length >= 8,
  },
  {
    id: 'upper',
    label: 'Una letra mayúscula',
    test: (p) => /\p{Lu}/u.test(p),
  },
  {
    id: 'lower',
    label: 'Una letra minúscula',
    test: (p) => /\p{Ll}/u.test(p),
  },
  { id: 'digit', label: 'Un número', test: (p) => /\p{Nd}/u.test(p) },
  {
    id: 'symbol',
    label: 'Un símbolo, como ! o #',
    test: (p) => /[\p{P}\p{S}]/u.test(p),
  },
];

/** The maximum length the server accepts. */
export const maxPasswordLength = 128;

/** The message for a password that breaks the policy, or undefined. */
export function passwordProblem(password: string): string | undefined {
  if (password === '') return 'Ingresa una contraseña.';
  const missing = passwordRules.filter((rule) => !rule.test(password));
  if (missing.length > 0) {
    return `Le falta: ${missing.map((r) => r.label.toLowerCase()).join(', ')}.`;
  }
  if ([...password].length > maxPasswordLength) {
    return `Usa como máximo ${maxPasswordLength} caracteres.`;
  }
  return undefined;
}
