import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { accountsDb, password, signedInAs } from '@/testing/mocks/accounts';
import { renderApp } from '@/testing/render-app';

/** Renders /cuenta for Ana, signed in by an earlier visit. */
async function renderAccount() {
  signedInAs('ana@ejemplo.cl');
  const app = await renderApp('/cuenta');
  await screen.findByRole('heading', { level: 1, name: 'Mi cuenta' });
  return app;
}

function section(name: string) {
  return screen.getByRole('region', { name });
}

describe('account page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends whoever is signed out to sign in first, and back', async () => {
    const { router } = await renderApp('/cuenta');

    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/ingresar'),
    );
    expect(router.state.location.search).toBe('?volver=%2Fcuenta');
  });

  it('shows the profile and saves a new name everywhere', async () => {
    const { user } = await renderAccount();
    const profile = section('Datos personales');

    const name = await within(profile).findByLabelText('Nombre y apellido');
    expect(name).toHaveValue('Ana Pérez');
    expect(within(profile).getByLabelText(/^Teléfono/)).toHaveValue(
      '+56912345678',
    );
    expect(within(profile).getByText('ana@ejemplo.cl')).toBeInTheDocument();
    expect(within(profile).getByText('Verificado')).toBeInTheDocument();

    await user.clear(name);
    await user.type(name, 'Anita Pérez');
    await user.click(
      within(profile).getByRole('button', { name: 'Guardar cambios' }),
    );

    expect(
      await within(profile).findByText('Guardamos tus datos.'),
    ).toBeInTheDocument();
    expect(accountsDb.accounts[0]!.user.name).toBe('Anita Pérez');
    expect(
      within(screen.getByRole('banner')).getByRole('button', {
        name: /Anita/,
      }),
    ).toBeInTheDocument();
  });

  it("shows the server's message next to a phone it refuses", async () => {
    const { user } = await renderAccount();
    const profile = section('Datos personales');

    const phone = await within(profile).findByLabelText(/^Teléfono/);
    await user.clear(phone);
    await user.type(phone, '+56 2 2123 4567');
    await user.click(
      within(profile).getByRole('button', { name: 'Guardar cambios' }),
    );

    await waitFor(() =>
      expect(phone).toHaveAccessibleDescription(
        'No es un teléfono válido; use el formato +56912345678.',
      ),
    );
    expect(phone).toHaveFocus();
  });

  it('changes the password and stays signed in', async () => {
    const { user } = await renderAccount();
    const form = section('Contraseña');

    await user.type(
      within(form).getByLabelText('Contraseña actual'),
      'equivocada',
    );
    await user.type(
      within(form).getByLabelText('Nueva contraseña'),
      'Nueva#2026',
    );
    await user.type(
      within(form).getByLabelText('Repite la nueva contraseña'),
      'Nueva#2026',
    );
    await user.click(
      within(form).getByRole('button', { name: 'Cambiar contraseña' }),
    );
    const current = within(form).getByLabelText('Contraseña actual');
    await waitFor(() =>
      expect(current).toHaveAccessibleDescription('No es correcta.'),
    );

    await user.clear(current);
    await user.type(current, password);
    await user.click(
      within(form).getByRole('button', { name: 'Cambiar contraseña' }),
    );

    expect(
      await within(form).findByText('Tu contraseña cambió.'),
    ).toBeInTheDocument();
    expect(accountsDb.accounts[0]!.password).toBe('Nueva#2026');
    // The old tokens are gone; the new session still reads the profile.
    await user.click(
      within(section('Datos personales')).getByRole('button', {
        name: 'Guardar cambios',
      }),
    );
    expect(await screen.findByText('Guardamos tus datos.')).toBeInTheDocument();
  });

  it('adds, edits and deletes an address with a Chilean region', async () => {
    const { user } = await renderAccount();
    const book = section('Direcciones');

    expect(
      await within(book).findByText(/Aún no guardas direcciones/),
    ).toBeInTheDocument();
    await user.click(
      within(book).getByRole('button', { name: 'Agregar dirección' }),
    );
    const form = within(book).getByRole('form', { name: 'Nueva dirección' });
    await user.click(
      within(form).getByRole('button', { name: 'Guardar dirección' }),
    );
    expect(within(form).getByLabelText('Quién recibe')).toHaveFocus();
    expect(within(form).getByLabelText('Región')).toHaveAccessibleDescription(
      'Elige la región.',
    );

    const regions = within(within(form).getByLabelText('Región')).getAllByRole(
      'option',
    );
    expect(regions).toHaveLength(17);
    expect(regions.map((o) => o.textContent)).toContain('Ñuble');

    await user.type(
      within(form).getByLabelText(/^Nombre de la dirección/),
      'Casa',
    );
    await user.type(within(form).getByLabelText('Quién recibe'), 'Ana Pérez');
    await user.type(
      within(form).getByLabelText('Calle y número'),
      'Av. Italia 1234',
    );
    await user.type(within(form).getByLabelText('Comuna'), 'Providencia');
    await user.selectOptions(
      within(form).getByLabelText('Región'),
      'Región Metropolitana de Santiago',
    );
    await user.click(
      within(form).getByRole('button', { name: 'Guardar dirección' }),
    );

    const card = await within(book).findByRole('listitem', { name: 'Casa' });
    expect(card).toHaveTextContent('Av. Italia 1234');
    expect(card).toHaveTextContent(
      'Providencia, Región Metropolitana de Santiago',
    );
    // Saved by its code, as checkout and shipping rates name regions.
    expect(accountsDb.accounts[0]!.addresses[0]!.region).toBe('RM');
    expect(card).toHaveTextContent('Principal');

    await user.click(within(card).getByRole('button', { name: 'Editar Casa' }));
    const edit = within(book).getByRole('form', { name: 'Editar dirección' });
    const street = within(edit).getByLabelText('Calle y número');
    expect(street).toHaveValue('Av. Italia 1234');
    await user.clear(street);
    await user.type(street, 'Av. Italia 999');
    await user.click(
      within(edit).getByRole('button', { name: 'Guardar dirección' }),
    );
    expect(
      await within(book).findByRole('listitem', { name: 'Casa' }),
    ).toHaveTextContent('Av. Italia 999');
    expect(accountsDb.accounts[0]!.addresses[0]!.street).toBe('Av. Italia 999');

    const saved = within(book).getByRole('listitem', { name: 'Casa' });
    await user.click(
      within(saved).getByRole('button', { name: 'Eliminar Casa' }),
    );
    await user.click(
      within(saved).getByRole('button', { name: 'Sí, eliminar' }),
    );
    expect(
      await within(book).findByText(/Aún no guardas direcciones/),
    ).toBeInTheDocument();
    expect(accountsDb.accounts[0]!.addresses).toEqual([]);
  });

  it('downloads every personal datum as a JSON file', async () => {
    const made: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => {
          made.push(blob);
          return 'blob:mis-datos';
        },
        revokeObjectURL: () => undefined,
      }),
    );
    const clicked = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const { user } = await renderAccount();

    await user.click(
      within(section('Tus datos')).getByRole('button', {
        name: 'Descargar mis datos',
      }),
    );

    expect(
      await screen.findByText('Descargamos el archivo mis-datos.json.'),
    ).toBeInTheDocument();
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(clicked.mock.contexts[0]).toMatchObject({
      download: 'mis-datos.json',
    });
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(made[0]!);
    });
    expect(JSON.parse(text)).toMatchObject({
      user: { email: 'ana@ejemplo.cl' },
      addresses: [],
    });
  });

  it('deletes the account after the password confirms it', async () => {
    const { user, router } = await renderAccount();
    const danger = section('Eliminar cuenta');

    await user.click(
      within(danger).getByRole('button', { name: 'Eliminar mi cuenta' }),
    );
    const confirm = within(danger).getByRole('form', {
      name: 'Confirmar la eliminación de la cuenta',
    });
    await user.type(within(confirm).getByLabelText('Tu contraseña'), 'mala');
    await user.click(
      within(confirm).getByRole('button', { name: 'Eliminar definitivamente' }),
    );
    await waitFor(() =>
      expect(
        within(confirm).getByLabelText('Tu contraseña'),
      ).toHaveAccessibleDescription('No es correcta.'),
    );
    expect(accountsDb.accounts[0]!.user.email).toBe('ana@ejemplo.cl');

    const field = within(confirm).getByLabelText('Tu contraseña');
    await user.clear(field);
    await user.type(field, password);
    await user.click(
      within(confirm).getByRole('button', { name: 'Eliminar definitivamente' }),
    );

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(
      within(screen.getByRole('banner')).getByRole('link', {
        name: 'Ingresar',
      }),
    ).toBeInTheDocument();
    expect(
      accountsDb.accounts.some((a) => a.user.email === 'ana@ejemplo.cl'),
    ).toBe(false);
  });

  it('signs out from the header menu', async () => {
    const { user, router } = await renderAccount();
    const header = screen.getByRole('banner');

    const menu = within(header).getByRole('button', { name: /Ana/ });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(header).queryByRole('link', { name: 'Usuarios' }),
    ).not.toBeInTheDocument();
    await user.click(
      within(header).getByRole('button', { name: 'Cerrar sesión' }),
    );

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(
      await within(header).findByRole('link', { name: 'Ingresar' }),
    ).toBeInTheDocument();
    expect(accountsDb.refresh).toBeUndefined();
  });

  it('has a header menu that Escape and a new page close', async () => {
    signedInAs('ana@ejemplo.cl');
    const { user, router } = await renderApp('/');
    const header = screen.getByRole('banner');
    const menu = await within(header).findByRole('button', { name: /Ana/ });

    await user.click(menu);
    expect(within(header).getByText('ana@ejemplo.cl')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    await user.click(menu);
    await user.click(within(header).getByRole('link', { name: 'Mi cuenta' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/cuenta'));
    await waitFor(() =>
      expect(
        within(header).getByRole('button', { name: /Ana/ }),
      ).toHaveAttribute('aria-expanded', 'false'),
    );
  });
});
