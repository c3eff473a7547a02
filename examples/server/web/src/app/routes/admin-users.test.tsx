import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { accountsDb, signedInAs } from '@/testing/mocks/accounts';
import { renderApp } from '@/testing/render-app';

async function renderUsers(email: string, url = '/panel/usuarios') {
  signedInAs(email);
  const app = await renderApp(url);
  await screen.findByRole('heading', { level: 1, name: 'Usuarios' });
  return app;
}

const rows = () =>
  within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('admin user list', () => {
  it('is hidden from shoppers and refused to them', async () => {
    signedInAs('ana@ejemplo.cl');
    const { user } = await renderApp('/panel/usuarios');

    expect(
      await screen.findByRole('heading', {
        name: 'No tienes acceso a esta página',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    const header = screen.getByRole('banner');
    await user.click(within(header).getByRole('button', { name: /Ana/ }));
    expect(
      within(header).queryByRole('link', { name: 'Usuarios' }),
    ).not.toBeInTheDocument();
  });

  it('is linked from the menu for admins', async () => {
    signedInAs('marta@ejemplo.cl');
    const { user } = await renderApp('/');
    const header = screen.getByRole('banner');

    await user.click(
      await within(header).findByRole('button', { name: /Marta/ }),
    );

    expect(
      within(header).getByRole('link', { name: 'Usuarios' }),
    ).toHaveAttribute('href', '/panel/usuarios');
  });

  it('lists, searches, filters by role and pages, all in the URL', async () => {
    const { user, params } = await renderUsers('raul@ejemplo.cl');

    expect(await screen.findByText('25 usuarios')).toBeInTheDocument();
    expect(rows()).toHaveLength(20);

    const pages = screen.getByRole('navigation', {
      name: 'Páginas de usuarios',
    });
    expect(pages).toHaveTextContent('Página 1 de 2');
    await user.click(within(pages).getByRole('button', { name: 'Siguiente' }));
    await waitFor(() => expect(params().get('pagina')).toBe('2'));
    await waitFor(() => expect(rows()).toHaveLength(5));

    await user.selectOptions(screen.getByLabelText('Rol'), 'Administrador');
    await waitFor(() => expect(params().get('rol')).toBe('admin'));
    expect(params().get('pagina')).toBeNull();
    expect(await screen.findByText('1 usuario')).toBeInTheDocument();
    expect(rows()[0]).toHaveTextContent('marta@ejemplo.cl');

    await user.selectOptions(screen.getByLabelText('Rol'), 'Todos');
    await user.type(
      screen.getByLabelText('Buscar por nombre o correo'),
      'cliente1{Enter}',
    );
    await waitFor(() => expect(params().get('q')).toBe('cliente1'));
    // cliente1, cliente10 … cliente19
    expect(await screen.findByText('11 usuarios')).toBeInTheDocument();
  });

  it('lets a super admin change a role and deactivate an account', async () => {
    const { user } = await renderUsers(
      'raul@ejemplo.cl',
      '/panel/usuarios?q=ana',
    );

    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0]!;
    await user.selectOptions(
      within(row).getByLabelText('Rol de ana@ejemplo.cl'),
      'Encargado',
    );
    await waitFor(() =>
      expect(accountsDb.accounts[0]!.user.role).toBe('manager'),
    );

    await user.click(
      within(row).getByRole('button', { name: 'Desactivar ana@ejemplo.cl' }),
    );
    expect(
      await within(row).findByRole('button', {
        name: 'Reactivar ana@ejemplo.cl',
      }),
    ).toBeInTheDocument();
    expect(row).toHaveTextContent('Desactivada');
    expect(accountsDb.accounts[0]!.user.active).toBe(false);
  });

  it('shows an admin the roles without letting them change one', async () => {
    const { user } = await renderUsers(
      'marta@ejemplo.cl',
      '/panel/usuarios?q=ana',
    );

    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0]!;
    expect(within(row).queryByRole('combobox')).not.toBeInTheDocument();
    expect(row).toHaveTextContent('Cliente');
    await user.click(
      within(row).getByRole('button', { name: 'Desactivar ana@ejemplo.cl' }),
    );
    await waitFor(() =>
      expect(accountsDb.accounts[0]!.user.active).toBe(false),
    );
  });

  it('offers no action on the signed-in account itself', async () => {
    await renderUsers('raul@ejemplo.cl', '/panel/usuarios?q=raul');

    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0]!;
    expect(within(row).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });
});
