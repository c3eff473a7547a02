import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';

import { paths, patterns } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { canManageUsers } from '@/lib/auth/types';

import { isStaff } from '../routes/staff';

const authPages: string[] = [
  paths.login,
  paths.register,
  paths.forgotPassword,
  paths.resetPassword,
  patterns.resetPasswordFromMail,
];

/**
 * AccountMenu is the header's way in: a link to sign in, or the signed-in
 * person's menu (account, staff pages, sign out).
 */
export function AccountMenu() {
  const auth = useAuth();
  const location = useLocation();

  if (auth.status === 'loading') {
    return <span aria-hidden="true" className="h-9 w-24" />;
  }
  if (auth.status === 'anonymous') {
    const here = location.pathname + location.search;
    const back = authPages.includes(location.pathname) ? '/' : here;
    return (
      <Link
        to={back === '/' ? paths.login : paths.loginThen(back)}
        className="rounded-md px-2 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 sm:px-3"
      >
        Ingresar
      </Link>
    );
  }
  return <SignedInMenu />;
}

/** The disclosure of a signed-in person; a new page closes it. */
function SignedInMenu() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The page the menu was opened on: it is open only there.
  const [openOn, setOpenOn] = useState<string>();
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : undefined);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpenOn(undefined);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(undefined);
      button.current?.focus();
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  if (!user) return null;
  const firstName = user.name.split(/\s+/)[0] || user.email;

  // Leave the page first: a page for signed-in people would otherwise
  // send the person to sign in again.
  async function signOut() {
    setOpen(false);
    await navigate(paths.home);
    await logout();
  }

  const item =
    'block w-full rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100';
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="flex items-center gap-1 rounded-md px-2 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 sm:px-3"
      >
        <span className="sr-only">Menú de la cuenta de </span>
        {firstName}
        <span aria-hidden="true">▾</span>
      </button>
      <div
        id={id}
        hidden={!open}
        className="absolute right-0 z-50 mt-1 w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
      >
        <p className="truncate px-3 py-2 text-xs text-slate-500">
          {user.email}
        </p>
        <ul>
          <li>
            <Link to={paths.account} className={item}>
              Mi cuenta
            </Link>
          </li>
          <li>
            <Link to={paths.orders} className={item}>
              Mis pedidos
            </Link>
          </li>
          {isStaff(user) && (
            <li>
              <Link to={paths.adminOrders} className={item}>
                Pedidos de la tienda
              </Link>
            </li>
          )}
          {canManageUsers(user) && (
            <li>
              <Link to={paths.adminUsers} className={item}>
                Usuarios
              </Link>
            </li>
          )}
          <li>
            <button type="button" onClick={signOut} className={item}>
              Cerrar sesión
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
