import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { accountsDb, password } from '@/testing/mocks/accounts';
import { renderApp } from '@/testing/render-app';

describe('sign-in page', () => {
  it('explains what is missing, in Spanish, and focuses the first field', async () => {
    const { user } = await renderApp('/ingresar');

    await user.click(await screen.findByRole('button', { name: 'Ingresar' }));

    const email = screen.getByLabelText('Correo electrónico');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Ingresa tu correo.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Contraseña')).toHaveAccessibleDescription(
      'Ingresa tu contraseña.',
    );
  });

  it('says when the email or the password is wrong, without saying which', async () => {
    const { user } = await renderApp('/ingresar');

    await user.type(
      await screen.findByLabelText('Correo electrónico'),
      'ana@ejemplo.cl',
    );
    await user.type(screen.getByLabelText('Contraseña'), 'Otra#2026');
    await user.click(screen.getByRole('button', { name: 'Ingresar' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Correo o contraseña incorrectos',
    );
  });

  it('signs in and goes back to the page that asked for it', async () => {
    const { user, router } = await renderApp('/ingresar?volver=%2Fcuenta');

    await user.type(
      await screen.findByLabelText('Correo electrónico'),
      'ana@ejemplo.cl',
    );
    await user.type(screen.getByLabelText('Contraseña'), password);
    await user.click(screen.getByRole('button', { name: 'Ingresar' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/cuenta'));
    const header = screen.getByRole('banner');
    expect(
      await within(header).findByRole('button', { name: /Ana/ }),
    ).toBeInTheDocument();
    expect(within(header).queryByText('Ingresar')).not.toBeInTheDocument();
  });

  it('never goes back to another site', async () => {
    const { user, router } = await renderApp(
      '/ingresar?volver=%2F%2Fmalo.example%2F',
    );

    await user.type(
      await screen.findByLabelText('Correo electrónico'),
      'ana@ejemplo.cl',
    );
    await user.type(screen.getByLabelText('Contraseña'), password);
    await user.click(screen.getByRole('button', { name: 'Ingresar' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('links to recovery and registration', async () => {
    await renderApp('/ingresar');

    expect(
      await screen.findByRole('link', { name: '¿Olvidaste tu contraseña?' }),
    ).toHaveAttribute('href', '/recuperar');
    expect(
      screen.getByRole('link', { name: 'Crea tu cuenta' }),
    ).toHaveAttribute('href', '/registro');
  });
});

describe('sign-in with an expired staff password', () => {
  it('asks for a new password and signs in with it', async () => {
    accountsDb.accounts[2]!.expired = true;
    const { user, router } = await renderApp('/ingresar?volver=%2Fcuenta');

    await user.type(
      await screen.findByLabelText('Correo electrónico'),
      'marta@ejemplo.cl',
    );
    await user.type(screen.getByLabelText('Contraseña'), password);
    await user.click(screen.getByRole('button', { name: 'Ingresar' }));

    const form = await screen.findByRole('form', {
      name: 'Cambiar la contraseña vencida',
    });
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'Tu contraseña venció',
    );
    await user.type(within(form).getByLabelText('Nueva contraseña'), password);
    await user.type(
      within(form).getByLabelText('Repite la contraseña'),
      password,
    );
    await user.click(
      within(form).getByRole('button', { name: 'Cambiar e ingresar' }),
    );
    expect(within(form).getByLabelText('Nueva contraseña')).toHaveFocus();
    expect(
      within(form).getByLabelText('Nueva contraseña'),
    ).toHaveAccessibleDescription(
      expect.stringContaining('Elige una contraseña distinta de la anterior.'),
    );

    const field = within(form).getByLabelText('Nueva contraseña');
    await user.clear(field);
    await user.type(field, 'Renovada#2026');
    const confirm = within(form).getByLabelText('Repite la contraseña');
    await user.clear(confirm);
    await user.type(confirm, 'Renovada#2026');
    await user.click(
      within(form).getByRole('button', { name: 'Cambiar e ingresar' }),
    );

    await waitFor(() => expect(router.state.location.pathname).toBe('/cuenta'));
    expect(accountsDb.accounts[2]).toMatchObject({
      password: 'Renovada#2026',
      expired: false,
    });
  });
});
