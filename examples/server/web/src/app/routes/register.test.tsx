import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { accountsDb } from '@/testing/mocks/accounts';
import { renderApp } from '@/testing/render-app';

describe('registration page', () => {
  it('ticks the password rules as the password meets them', async () => {
    const { user } = await renderApp('/registro');
    const field = await screen.findByLabelText('Contraseña');

    const hints = () =>
      within(field.parentElement!)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    expect(hints()).toEqual([
      '• Al menos 8 caracteres: falta',
      '• Una letra mayúscula: falta',
      '• Una letra minúscula: falta',
      '• Un número: falta',
      '• Un símbolo, como ! o #: falta',
    ]);

    await user.type(field, 'abc1');
    expect(hints()).toEqual([
      '• Al menos 8 caracteres: falta',
      '• Una letra mayúscula: falta',
      '✓ Una letra minúscula: cumple',
      '✓ Un número: cumple',
      '• Un símbolo, como ! o #: falta',
    ]);
  });

  it('checks the form before sending it', async () => {
    const { user } = await renderApp('/registro');

    await user.type(await screen.findByLabelText('Nombre y apellido'), 'Eva');
    await user.type(screen.getByLabelText('Correo electrónico'), 'eva@');
    await user.type(screen.getByLabelText('Contraseña'), 'corta');
    await user.type(screen.getByLabelText('Repite la contraseña'), 'otra');
    await user.click(screen.getByRole('button', { name: 'Crear cuenta' }));

    const email = screen.getByLabelText('Correo electrónico');
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription(
      'Revisa el correo: debe ser como nombre@ejemplo.cl.',
    );
    expect(screen.getByText(/^Le falta: al menos 8 caracteres/)).toBeVisible();
    expect(screen.getByText('Las contraseñas no coinciden.')).toBeVisible();
    expect(accountsDb.accounts.some((a) => a.user.name === 'Eva')).toBe(false);
  });

  it("shows the server's field errors next to their fields", async () => {
    const { user } = await renderApp('/registro');

    await user.type(
      await screen.findByLabelText('Nombre y apellido'),
      'Otra Ana',
    );
    await user.type(
      screen.getByLabelText('Correo electrónico'),
      'ana@ejemplo.cl',
    );
    await user.type(screen.getByLabelText('Contraseña'), 'Segura#2026');
    await user.type(
      screen.getByLabelText('Repite la contraseña'),
      'Segura#2026',
    );
    await user.click(screen.getByRole('button', { name: 'Crear cuenta' }));

    const email = screen.getByLabelText('Correo electrónico');
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription(
        'Ya hay una cuenta con este correo.',
      ),
    );
    expect(email).toHaveFocus();
  });

  it('creates the account, signs in and opens the account page', async () => {
    const { user, router } = await renderApp('/registro');

    await user.type(
      await screen.findByLabelText('Nombre y apellido'),
      'Eva Rojas',
    );
    await user.type(
      screen.getByLabelText('Correo electrónico'),
      'eva@ejemplo.cl',
    );
    await user.type(screen.getByLabelText(/^Teléfono/), '+56987654321');
    await user.type(screen.getByLabelText('Contraseña'), 'Segura#2026');
    await user.type(
      screen.getByLabelText('Repite la contraseña'),
      'Segura#2026',
    );
    await user.click(screen.getByRole('button', { name: 'Crear cuenta' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/cuenta'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mi cuenta' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Sin verificar')).toBeInTheDocument();
    expect(accountsDb.accounts.at(-1)?.user).toMatchObject({
      email: 'eva@ejemplo.cl',
      phone: '+56987654321',
    });
  });
});
