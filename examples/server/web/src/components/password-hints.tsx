import { passwordRules } from '@/lib/password-policy';

/**
 * PasswordHints lists the password policy and ticks each rule as the
 * password meets it, live.
 */
export function PasswordHints({ password }: { password: string }) {
  return (
    <ul className="mt-1 grid gap-0.5 sm:grid-cols-2">
      {passwordRules.map((rule) => {
        const met = rule.test(password);
        return (
          <li
            key={rule.id}
            className={met ? 'text-emerald-700' : 'text-slate-600'}
          >
            <span aria-hidden="true">{met ? '✓' : '•'} </span>
            {rule.label}
            <span className="sr-only">{met ? ': cumple' : ': falta'}</span>
          </li>
        );
      })}
    </ul>
  );
}
