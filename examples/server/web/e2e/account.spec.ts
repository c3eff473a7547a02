import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// A shopper's account against the real server: register, sign out, sign
// in, edit the profile, add an address, and recover the password with the
// link of the mail the server writes under its data directory (mail/).

const dataDir = process.env.E2E_DATA_DIR;

/**
 * Waits for the server's mail of the template to the address and returns
 * the path and query of its link.
 */
async function mailedLink(to: string, template: string): Promise<string> {
  const dir = join(dataDir!, 'mail');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(`-${template}.txt`))) {
      const text = await readFile(join(dir, name), 'utf8');
      if (!text.includes(`To: ${to}\n`)) continue;
      const link = text.match(/https?:\/\/\S+\?token=\S+/)?.[0];
      if (link) {
        const url = new URL(link);
        return url.pathname + url.search;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no ${template} mail to ${to} in ${dir}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function signOut(page: Page, firstName: string) {
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: new RegExp(firstName) }).click();
  await header.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(header.getByRole('link', { name: 'Ingresar' })).toBeVisible();
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

test('register, sign out and in, edit the profile, add an address, recover the password', async ({
  page,
}) => {
  test.skip(!dataDir, 'E2E_DATA_DIR must name the server data directory');
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  const email = `e2e-${Date.now()}@ejemplo.cl`;
  const password = 'Segura#2026';
  const header = page.getByRole('banner');

  // Register: the password rules tick as they are met.
  await page.goto('/registro');
  await page.getByLabel('Nombre y apellido').fill('Eva Rojas');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel(/^Teléfono/).fill('+56987654321');
  const field = page.getByLabel('Contraseña', { exact: true });
  await field.fill('abc');
  await expect(page.getByText('Una letra minúscula: cumple')).toBeAttached();
  await expect(page.getByText('Un número: falta')).toBeAttached();
  await field.fill(password);
  await page.getByLabel('Repite la contraseña').fill(password);
  await page.getByRole('button', { name: 'Crear cuenta' }).click();

  await expect(page).toHaveURL(/\/cuenta$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Mi cuenta' }),
  ).toBeVisible();
  await expect(header.getByRole('button', { name: /Eva/ })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Datos personales' }).getByText(email),
  ).toBeVisible();

  // The session outlives a reload: the refresh cookie renews it.
  await page.reload();
  await expect(header.getByRole('button', { name: /Eva/ })).toBeVisible();
  await expect(page.getByLabel('Nombre y apellido')).toHaveValue('Eva Rojas');

  await signOut(page, 'Eva');
  await expect(page).toHaveURL(/\/$/);
  // Signed out for good: a reload finds no session.
  await page.goto('/cuenta');
  await expect(page).toHaveURL(/\/ingresar\?volver=%2Fcuenta$/);

  // Sign in: back to the account page that asked for it.
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/cuenta$/);

  // Edit the profile: the header follows.
  const profile = page.getByRole('region', { name: 'Datos personales' });
  await profile.getByLabel('Nombre y apellido').fill('Evelyn Rojas');
  await profile.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(profile.getByText('Guardamos tus datos.')).toBeVisible();
  await expect(header.getByRole('button', { name: /Evelyn/ })).toBeVisible();

  // Add an address.
  const book = page.getByRole('region', { name: 'Direcciones' });
  await book.getByRole('button', { name: 'Agregar dirección' }).click();
  const form = book.getByRole('form', { name: 'Nueva dirección' });
  await form.getByLabel(/^Nombre de la dirección/).fill('Casa');
  await form.getByLabel('Quién recibe').fill('Evelyn Rojas');
  await form.getByLabel('Calle y número').fill('Av. Italia 1234');
  await form.getByLabel('Comuna').fill('Providencia');
  await form
    .getByLabel('Región')
    .selectOption('Región Metropolitana de Santiago');
  await form.getByRole('button', { name: 'Guardar dirección' }).click();
  const card = book.getByRole('listitem', { name: 'Casa' });
  await expect(card).toContainText('Av. Italia 1234');
  await expect(card).toContainText(
    'Providencia, Región Metropolitana de Santiago',
  );
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Direcciones' })
      .getByRole('listitem', { name: 'Casa' }),
  ).toContainText('Av. Italia 1234');

  // Forgot the password: the link arrives by (file) mail.
  await signOut(page, 'Evelyn');
  await page.goto('/recuperar');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByRole('button', { name: 'Enviar enlace' }).click();
  await expect(page.getByRole('status')).toContainText('Revisa tu correo');

  const link = await mailedLink(email, 'password_reset');
  await page.goto(link);
  const newPassword = 'Nueva#2026clave';
  await page.getByLabel('Nueva contraseña').fill(newPassword);
  await page.getByLabel('Repite la contraseña').fill(newPassword);
  await page.getByRole('button', { name: 'Guardar contraseña' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Listo: tu contraseña cambió',
  );

  // The link works once; the new password signs in.
  await page
    .getByRole('link', { name: 'Ingresa con tu nueva contraseña' })
    .click();
  await signIn(page, email, newPassword);
  await expect(header.getByRole('button', { name: /Evelyn/ })).toBeVisible();

  expect(consoleErrors, 'errors in the browser console').toEqual([]);
});

test('a super admin finds a shopper, makes them a manager and deactivates them', async ({
  page,
}) => {
  const adminEmail = process.env.E2E_ADMIN_EMAIL;
  const adminPassword = process.env.E2E_ADMIN_PASSWORD;
  test.skip(!adminEmail || !adminPassword, 'E2E_ADMIN_* name the super admin');

  const email = `e2e-staff-${Date.now()}@ejemplo.cl`;
  const created = await page.request.post('/auth/register', {
    data: { email, password: 'Segura#2026', name: 'Tomás Vera' },
  });
  expect(created.status()).toBe(201);

  await page.goto('/ingresar');
  await signIn(page, adminEmail!, adminPassword!);
  const header = page.getByRole('banner');
  const menu = header.getByRole('button', { name: /Menú de la cuenta/ });
  await menu.click();
  await header.getByRole('link', { name: 'Usuarios' }).click();
  await expect(page).toHaveURL(/\/panel\/usuarios$/);

  const search = page.getByLabel('Buscar por nombre o correo');
  await search.fill(email);
  await search.press('Enter');
  await expect(page.getByText('1 usuario', { exact: true })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(email) });
  await row.getByLabel(`Rol de ${email}`).selectOption('Encargado');
  await row.getByRole('button', { name: `Desactivar ${email}` }).click();
  await expect(
    row.getByRole('button', { name: `Reactivar ${email}` }),
  ).toBeVisible();
  await expect(row).toContainText('Desactivada');

  // The server kept both changes.
  await page.reload();
  const again = page.getByRole('row', { name: new RegExp(email) });
  await expect(again.getByLabel(`Rol de ${email}`)).toHaveValue('manager');
  await expect(again).toContainText('Desactivada');
});
