import type { ReactNode } from 'react';

import { storeName } from '@/config/paths';

/** AuthCard frames the sign-in pages: a title, the form, links below. */
export function AuthCard({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <title>{`${title} · ${storeName}`}</title>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {intro && <div className="mt-2 text-sm text-slate-600">{intro}</div>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && (
        <div className="mt-4 space-y-1 text-center text-sm text-slate-600">
          {footer}
        </div>
      )}
    </div>
  );
}
