import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { accountsDb } from '@/testing/mocks/accounts';
import { renderApp } from '@/testing/render-app';

describe('forgotten password', () => {
  it.each([['ana@ejemplo.cl'], ['nadie@ejemplo.cl']])(
    'says the same for %s, whether or not it has an account',
    async (email) => {
      const { user } = await renderApp('/recuperar');

      await user.type(
        await screen.findByLabelText('Correo electrónico'),
        email,
      );
      await user.click(screen.getByRole('button', { name: 'Enviar enlace' }));

      expect(await screen.findByRole('status')).toHaveTextContent(
        `Si hay una cuenta con ${email}, te enviamos un enlace`,
      );
    },
  );

  it('mails a link to an account that exists', async () => {
    const { user } = await renderApp('/recuperar');

    await user.type(
      await screen.findByLabelText('Correo electrónico'),
      'ana@ejemplo.cl',
    );
    await user.click(screen.getByRole('button', { name: 'Enviar enlace' }));

    await waitFor(() =>
      expect(accountsDb.mails).toContainEqual({
        to: 'ana@ejemplo.cl',
        template: 'password_reset',
        token: 'reset-ok',
      }),
    );
  });
});

describe('password reset', () => {
  it('sets a new password with the token of the link', async () => {
    accountsDb.mails.push({
      to: 'ana@ejemplo.cl',
      template: 'password_reset',
      token: 'reset-ok',
    });
    const { user } = await renderApp('/restablecer?token=reset-ok');

    await user.type(
      await screen.findByLabelText('Nueva contraseña'),
      'Nueva#2026',
    );
    await user.type(
      screen.getByLabelText('Repite la contraseña'),
      'Nueva#2026',
    );
    await user.click(
      screen.getByRole('button', { name: 'Guardar contraseña' }),
    );

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Listo: tu contraseña cambió',
    );
    expect(accountsDb.accounts[0]!.password).toBe('Nueva#2026');
    expect(
      screen.getByRole('link', { name: 'Ingresa con tu nueva contraseña' }),
    ).toHaveAttribute('href', '/ingresar');
  });

  it('explains a spent or expired link and offers a new one', async () => {
    const { user } = await renderApp('/restablecer?token=usado');

    await user.type(
      await screen.findByLabelText('Nueva contraseña'),
      'Nueva#2026',
    );
    await user.type(
      screen.getByLabelText('Repite la contraseña'),
      'Nueva#2026',
    );
    await user.click(
      screen.getByRole('button', { name: 'Guardar contraseña' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'El enlace no es válido o ya expiró',
    );
    expect(
      screen.getByRole('link', { name: 'Pide un enlace nuevo' }),
    ).toHaveAttribute('href', '/recuperar');
  });

  it('refuses a new password that breaks the policy before sending it', async () => {
    const { user } = await renderApp('/restablecer?token=reset-ok');

    const field = await screen.findByLabelText('Nueva contraseña');
    await user.type(field, 'sinsimbolo1A');
    await user.click(
      screen.getByRole('button', { name: 'Guardar contraseña' }),
    );

    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(screen.getByText('Le falta: un símbolo, como ! o #.')).toBeVisible();
  });

  it('opens from the link of the mail the server writes', async () => {
    await renderApp('/restablecer-clave?token=reset-ok');

    expect(
      await screen.findByRole('heading', { name: 'Crea una nueva contraseña' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Nueva contraseña')).toBeInTheDocument();
  });

  it('says when the link has no token', async () => {
    await renderApp('/restablecer');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'El enlace está incompleto',
    );
  });
});

describe('email verification', () => {
  it('verifies the address with the token of the link', async () => {
    accountsDb.mails.push({
      to: 'ana@ejemplo.cl',
      template: 'verify_email',
      token: 'verify-ok',
    });
    accountsDb.accounts[0]!.user.email_verified = false;

    await renderApp('/verificar?token=verify-ok');

    expect(
      await screen.findByText('Tu correo quedó verificado'),
    ).toBeInTheDocument();
    expect(accountsDb.accounts[0]!.user.email_verified).toBe(true);
  });

  it('opens from the link of the mail the server writes', async () => {
    accountsDb.mails.push({
      to: 'ana@ejemplo.cl',
      template: 'verify_email',
      token: 'verify-ok',
    });

    await renderApp('/verificar-correo?token=verify-ok');

    expect(
      await screen.findByText('Tu correo quedó verificado'),
    ).toBeInTheDocument();
  });

  it('explains a link that does not work', async () => {
    await renderApp('/verificar?token=malo');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No pudimos verificar tu correo',
    );
  });
});
