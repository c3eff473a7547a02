// An accounts API in memory, shaped like the server's (issue 3): sessions
// with an access token and a refresh "cookie", profiles, addresses, the
// admin's user list, and the mails the server would send.
import { http, HttpResponse } from 'msw';

import type { Address } from '@/features/account/api/types';
import type { Role, User } from '@/lib/auth/types';
import { passwordRules } from '@/lib/password-policy';

interface Account {
  user: User & { active: boolean };
  password: string;
  addresses: Address[];
  /** A staff password older than 90 days: sign-in answers 403. */
  expired?: boolean;
}

export const password = 'Clave#2026';

export const accountsDb = {
  accounts: [] as Account[],
  /** Access tokens the server accepts, with the user each stands for. */
  tokens: new Map<string, number>(),
  /** The browser's refresh cookie and its CSRF twin, if any. */
  refresh: undefined as { userId: number; csrf: string } | undefined,
  /** Single-use tokens sent by mail. */
  mails: [] as { to: string; template: string; token: string }[],
  seq: 0,
};

function account(id: number, name: string, email: string, role: Role) {
  return {
    user: { id, name, email, role, email_verified: true, active: true },
    password,
    addresses: [],
  };
}

/** Puts the accounts back as every test starts: a shopper and staff. */
export function resetAccounts() {
  accountsDb.accounts = [
    account(1, 'Ana Pérez', 'ana@ejemplo.cl', 'customer'),
    account(2, 'Raúl Jefe', 'raul@ejemplo.cl', 'super_admin'),
    account(3, 'Marta Admin', 'marta@ejemplo.cl', 'admin'),
    ...Array.from({ length: 22 }, (_, i) =>
      account(
        10 + i,
        `Cliente ${i + 1}`,
        `cliente${i + 1}@ejemplo.cl`,
        'customer',
      ),
    ),
  ];
  accountsDb.accounts[0]!.user.phone = '+56912345678';
  accountsDb.tokens.clear();
  accountsDb.refresh = undefined;
  accountsDb.mails = [];
  accountsDb.seq = 100;
  document.cookie = 'moderno_csrf=; Max-Age=0; Path=/';
}

/** Leaves the browser as after signing in as the user, then reloading. */
export function signedInAs(email: string) {
  const found = accountsDb.accounts.find((a) => a.user.email === email);
  if (!found) throw new Error(`no account ${email}`);
  openSession(found);
}

/** Makes every access token stale, as an hour later. */
export function expireAccessTokens() {
  accountsDb.tokens.clear();
}

function openSession(a: Account) {
  const token = `at-${++accountsDb.seq}`;
  const csrf = `csrf-${accountsDb.seq}`;
  accountsDb.tokens.set(token, a.user.id);
  accountsDb.refresh = { userId: a.user.id, csrf };
  document.cookie = `moderno_csrf=${csrf}; Path=/`;
  return {
    access_token: token,
    token_type: 'Bearer',
    expires_in: 3600,
    user: a.user,
  };
}

function fail(
  status: number,
  code: string,
  message: string,
  fields?: { field: string; message: string }[],
) {
  return HttpResponse.json(
    { error: { code, message, request_id: 'req-mock', fields } },
    { status },
  );
}

const invalid = (fields: { field: string; message: string }[]) =>
  fail(422, 'invalid', 'datos no válidos', fields);

const noContent = () => new HttpResponse(null, { status: 204 });

function who(request: Request): Account | undefined {
  const header = request.headers.get('Authorization') ?? '';
  const id = accountsDb.tokens.get(header.replace(/^Bearer /, ''));
  return accountsDb.accounts.find((a) => a.user.id === id && a.user.active);
}

const unauthenticated = () =>
  fail(401, 'unauthenticated', 'inicie sesión para continuar');

function passwordFields(field: string, value: string) {
  const messages: Record<string, string> = {
    length: 'debe tener al menos 8 caracteres',
    upper: 'debe incluir una letra mayúscula',
    lower: 'debe incluir una letra minúscula',
    digit: 'debe incluir un número',
    symbol: 'debe incluir un símbolo, como ! o #',
  };
  return passwordRules
    .filter((rule) => !rule.test(value))
    .map((rule) => ({ field, message: messages[rule.id] ?? rule.label }));
}

type Body = Record<string, unknown>;
const text = (body: Body, key: string) =>
  typeof body[key] === 'string' ? (body[key] as string).trim() : '';

function addressFrom(body: Body, id: number): Address | Response {
  const fields = ['recipient', 'street', 'commune', 'region']
    .filter((key) => text(body, key) === '')
    .map((field) => ({
      field,
      message: 'es obligatorio, máximo 255 caracteres',
    }));
  if (fields.length) return invalid(fields);
  return {
    id,
    label: text(body, 'label'),
    recipient: text(body, 'recipient'),
    phone: text(body, 'phone'),
    street: text(body, 'street'),
    details: text(body, 'details'),
    commune: text(body, 'commune'),
    city: text(body, 'city'),
    region: text(body, 'region'),
    postal_code: text(body, 'postal_code'),
    country: 'CL',
    default: body.default === true,
  };
}

export const accountHandlers = [
  http.post('*/auth/register', async ({ request }) => {
    const body = (await request.json()) as Body;
    const email = text(body, 'email').toLowerCase();
    const fields = [
      ...(text(body, 'name')
        ? []
        : [{ field: 'name', message: 'es obligatorio' }]),
      ...passwordFields('password', String(body.password ?? '')),
    ];
    if (fields.length) return invalid(fields);
    if (accountsDb.accounts.some((a) => a.user.email === email)) {
      return fail(409, 'conflict', 'no pudimos crear la cuenta', [
        { field: 'email', message: 'ya hay una cuenta con este correo' },
      ]);
    }
    const created: Account = {
      user: {
        id: ++accountsDb.seq,
        email,
        name: text(body, 'name'),
        phone: text(body, 'phone') || undefined,
        role: 'customer',
        email_verified: false,
        active: true,
      },
      password: String(body.password),
      addresses: [],
    };
    accountsDb.accounts.push(created);
    accountsDb.mails.push({
      to: email,
      template: 'verify_email',
      token: 'verify-ok',
    });
    return HttpResponse.json(openSession(created), { status: 201 });
  }),

  http.post('*/auth/login', async ({ request }) => {
    const body = (await request.json()) as Body;
    const found = accountsDb.accounts.find(
      (a) => a.user.email === text(body, 'email').toLowerCase(),
    );
    if (!found || found.password !== body.password || !found.user.active) {
      return fail(401, 'unauthenticated', 'correo o contraseña incorrectos');
    }
    if (found.expired) {
      return fail(403, 'password_expired', 'su contraseña venció');
    }
    return HttpResponse.json(openSession(found));
  }),

  http.post('*/auth/change-expired-password', async ({ request }) => {
    const body = (await request.json()) as Body;
    const found = accountsDb.accounts.find(
      (a) => a.user.email === text(body, 'email').toLowerCase(),
    );
    if (!found || found.password !== body.current_password) {
      return fail(401, 'unauthenticated', 'correo o contraseña incorrectos');
    }
    const next = String(body.new_password ?? '');
    const fields = passwordFields('new_password', next);
    if (next === found.password) {
      fields.push({
        field: 'new_password',
        message: 'no puede repetir una de sus últimas 5 contraseñas',
      });
    }
    if (fields.length) return invalid(fields);
    found.password = next;
    found.expired = false;
    return HttpResponse.json(openSession(found));
  }),

  http.post('*/auth/refresh', ({ request }) => {
    const session = accountsDb.refresh;
    const found = accountsDb.accounts.find(
      (a) => a.user.id === session?.userId,
    );
    if (
      !session ||
      !found ||
      request.headers.get('X-CSRF-Token') !== session.csrf
    ) {
      return unauthenticated();
    }
    return HttpResponse.json(openSession(found));
  }),

  http.post('*/auth/logout', () => {
    accountsDb.refresh = undefined;
    return noContent();
  }),

  http.post('*/auth/forgot-password', async ({ request }) => {
    const email = text((await request.json()) as Body, 'email').toLowerCase();
    if (accountsDb.accounts.some((a) => a.user.email === email)) {
      accountsDb.mails.push({
        to: email,
        template: 'password_reset',
        token: 'reset-ok',
      });
    }
    return HttpResponse.json(
      { message: 'si existe una cuenta con ese correo, le enviamos un enlace' },
      { status: 202 },
    );
  }),

  http.post('*/auth/reset-password', async ({ request }) => {
    const body = (await request.json()) as Body;
    const mail = accountsDb.mails.find(
      (m) => m.template === 'password_reset' && m.token === body.token,
    );
    if (!mail) {
      return fail(422, 'invalid', 'el enlace no es válido o ya expiró', [
        { field: 'token', message: 'no es válido o ya expiró' },
      ]);
    }
    const fields = passwordFields('password', String(body.password ?? ''));
    if (fields.length) return invalid(fields);
    const found = accountsDb.accounts.find((a) => a.user.email === mail.to)!;
    found.password = String(body.password);
    accountsDb.mails = accountsDb.mails.filter((m) => m !== mail);
    return HttpResponse.json({ message: 'contraseña actualizada' });
  }),

  http.post('*/auth/verify-email', async ({ request }) => {
    const body = (await request.json()) as Body;
    const mail = accountsDb.mails.find(
      (m) => m.template === 'verify_email' && m.token === body.token,
    );
    if (!mail)
      return fail(422, 'invalid', 'el enlace no es válido o ya expiró');
    const found = accountsDb.accounts.find((a) => a.user.email === mail.to)!;
    found.user.email_verified = true;
    accountsDb.mails = accountsDb.mails.filter((m) => m !== mail);
    return HttpResponse.json({ message: 'correo electrónico verificado' });
  }),

  http.get('*/me', ({ request }) => {
    const me = who(request);
    return me ? HttpResponse.json(me.user) : unauthenticated();
  }),

  http.put('*/me', async ({ request }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    const body = (await request.json()) as Body;
    const phone = text(body, 'phone');
    const fields = [
      ...(text(body, 'name')
        ? []
        : [{ field: 'name', message: 'es obligatorio' }]),
      ...(phone && !/^\+569\d{8}$/.test(phone)
        ? [
            {
              field: 'phone',
              message: 'no es un teléfono válido; use el formato +56912345678',
            },
          ]
        : []),
    ];
    if (fields.length) return invalid(fields);
    me.user = {
      ...me.user,
      name: text(body, 'name'),
      phone: phone || undefined,
    };
    return HttpResponse.json(me.user);
  }),

  http.put('*/me/password', async ({ request }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    const body = (await request.json()) as Body;
    if (body.current_password !== me.password) {
      return invalid([
        { field: 'current_password', message: 'no es correcta' },
      ]);
    }
    const fields = passwordFields(
      'new_password',
      String(body.new_password ?? ''),
    );
    if (fields.length) return invalid(fields);
    me.password = String(body.new_password);
    // Every session ends; the answer is a new one.
    accountsDb.tokens.clear();
    return HttpResponse.json(openSession(me));
  }),

  http.get('*/me/addresses', ({ request }) => {
    const me = who(request);
    return me ? HttpResponse.json({ data: me.addresses }) : unauthenticated();
  }),

  http.post('*/me/addresses', async ({ request }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    const address = addressFrom(
      (await request.json()) as Body,
      ++accountsDb.seq,
    );
    if (address instanceof Response) return address;
    address.default ||= me.addresses.length === 0;
    me.addresses.push(address);
    return HttpResponse.json(address, { status: 201 });
  }),

  http.put('*/me/addresses/:id', async ({ request, params }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    const i = me.addresses.findIndex((a) => a.id === Number(params.id));
    if (i < 0) return fail(404, 'not_found', 'dirección no encontrada');
    const address = addressFrom(
      (await request.json()) as Body,
      Number(params.id),
    );
    if (address instanceof Response) return address;
    me.addresses[i] = address;
    return HttpResponse.json(address);
  }),

  http.delete('*/me/addresses/:id', ({ request, params }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    const before = me.addresses.length;
    me.addresses = me.addresses.filter((a) => a.id !== Number(params.id));
    if (me.addresses.length === before) {
      return fail(404, 'not_found', 'dirección no encontrada');
    }
    return noContent();
  }),

  http.get('*/me/export', ({ request }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    return HttpResponse.json({ user: me.user, addresses: me.addresses });
  }),

  http.post('*/me/verify-email', ({ request }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    accountsDb.mails.push({
      to: me.user.email,
      template: 'verify_email',
      token: 'verify-ok',
    });
    return HttpResponse.json({ message: 'enviado' }, { status: 202 });
  }),

  http.delete('*/me', async ({ request }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    const body = (await request.json()) as Body;
    if (body.password !== me.password) {
      return invalid([{ field: 'password', message: 'no es correcta' }]);
    }
    accountsDb.accounts = accountsDb.accounts.filter((a) => a !== me);
    accountsDb.refresh = undefined;
    return noContent();
  }),

  http.get('*/admin/users', ({ request }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    if (me.user.role !== 'admin' && me.user.role !== 'super_admin') {
      return fail(403, 'forbidden', 'no tiene permiso');
    }
    const url = new URL(request.url);
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const role = url.searchParams.get('role');
    const page = Number(url.searchParams.get('page') ?? 1);
    const limit = 20;
    const list = accountsDb.accounts
      .map((a) => a.user)
      .filter(
        (u) => !q || u.email.includes(q) || u.name.toLowerCase().includes(q),
      )
      .filter((u) => !role || u.role === role);
    return HttpResponse.json({
      data: list.slice((page - 1) * limit, page * limit),
      pagination: {
        page,
        limit,
        total: list.length,
        pages: Math.ceil(list.length / limit),
      },
    });
  }),

  http.put('*/admin/users/:id/role', async ({ request, params }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    if (me.user.role !== 'super_admin') {
      return fail(403, 'forbidden', 'no tiene permiso para esta acción');
    }
    const found = userFor(params.id, me);
    if (found instanceof Response) return found;
    found.user.role = ((await request.json()) as Body).role as Role;
    return HttpResponse.json(found.user);
  }),

  http.put('*/admin/users/:id/active', async ({ request, params }) => {
    const me = who(request);
    if (!me) return unauthenticated();
    if (me.user.role !== 'super_admin' && me.user.role !== 'admin') {
      return fail(403, 'forbidden', 'no tiene permiso para esta acción');
    }
    const found = userFor(params.id, me);
    if (found instanceof Response) return found;
    found.user.active = ((await request.json()) as Body).active === true;
    return HttpResponse.json(found.user);
  }),
];

function userFor(id: unknown, me: Account): Account | Response {
  const found = accountsDb.accounts.find((a) => a.user.id === Number(id));
  if (!found) return fail(404, 'not_found', 'usuario no encontrado');
  if (found === me) {
    return fail(409, 'conflict', 'no puede cambiar su propia cuenta');
  }
  return found;
}
