import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';

import { resetAccounts, signedInAs } from '@/testing/mocks/accounts';
import { server } from '@/testing/mocks/server';
import { seedCartItem, shop } from '@/testing/mocks/shop';
import { renderApp } from '@/testing/render-app';

async function fillAddress(user: UserEvent) {
  const name = await screen.findByLabelText(/Nombre de quien recibe/);
  await user.clear(name);
  await user.type(name, 'Ana Pérez');
  await user.type(screen.getByLabelText(/Calle y número/), 'Av. Italia 1500');
  await user.type(screen.getByLabelText(/Comuna/), 'Ñuñoa');
  await user.selectOptions(
    screen.getByLabelText(/Región/),
    'Región Metropolitana de Santiago',
  );
  await user.click(screen.getByRole('button', { name: 'Continuar' }));
}

async function toReview(user: UserEvent) {
  await fillAddress(user);
  await user.click(
    await screen.findByRole('radio', { name: /Despacho a domicilio/ }),
  );
  await user.click(screen.getByRole('button', { name: 'Continuar' }));
  await user.click(
    await screen.findByRole('radio', { name: /Transferencia bancaria/ }),
  );
  await user.click(screen.getByRole('button', { name: 'Continuar' }));
  await screen.findByRole('heading', { name: 'Revisa tu pedido' });
}

const step = () =>
  within(screen.getByRole('navigation', { name: 'Pasos del pago' }))
    .getAllByRole('listitem')
    .find((li) => li.getAttribute('aria-current') === 'step')?.textContent;

describe('checkout', () => {
  beforeEach(() => signedInAs('ana@ejemplo.cl'));

  it('asks for what is missing in the address, in Spanish, next to each input', async () => {
    seedCartItem(2, null, 1);
    const { user } = await renderApp('/pagar');

    await user.click(await screen.findByRole('button', { name: 'Continuar' }));

    expect(screen.getByLabelText(/Calle y número/)).toHaveAccessibleDescription(
      'Indica la calle y el número',
    );
    expect(screen.getByLabelText(/Región/)).toHaveAccessibleDescription(
      'Elige una región',
    );
    expect(step()).toBe('1. Dirección');
  });

  it('goes through the steps and places the order with bank transfer', async () => {
    seedCartItem(500, 1, 2);
    const { user, router } = await renderApp('/pagar');

    await fillAddress(user);
    expect(step()).toBe('2. Despacho');
    expect(
      await screen.findByRole('radio', {
        name: /Despacho a domicilio.*\$3\.990/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('radio', { name: /Retiro en tienda\s*Gratis/ }),
    ).toBeInTheDocument();
    await toReviewFromShipping(user);

    // The server's total for the chosen method: items plus shipping.
    const review = screen.getByRole('region', { name: 'Total del pedido' });
    expect(review).toHaveTextContent('Subtotal$19.980');
    expect(review).toHaveTextContent('Envío$3.990');
    expect(review).toHaveTextContent('Total$23.970');
    expect(review).toHaveTextContent('IVA incluido$3.827');
    expect(review).not.toHaveTextContent('sin envío');
    const summary = screen.getByRole('region', { name: 'Revisa tu pedido' });
    expect(summary).toHaveTextContent('Av. Italia 1500, Ñuñoa');
    expect(summary).toHaveTextContent('Región Metropolitana de Santiago');
    expect(summary).toHaveTextContent('Despacho a domicilio ($3.990)');
    expect(summary).toHaveTextContent('Transferencia bancaria');

    await user.click(screen.getByRole('button', { name: 'Confirmar pedido' }));

    expect(
      await screen.findByRole('heading', {
        name: '¡Gracias! Recibimos tu pedido',
      }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/pedidos/1001/confirmacion');
    expect(screen.getByText('CL-2026-1001')).toBeInTheDocument();
    expect(
      screen.getByText('Transfiera a Banco Estado, cuenta corriente 123456'),
    ).toBeInTheDocument();

    // The client sent choices only: no items, no prices.
    expect(shop.placed).toHaveLength(1);
    const { body, key } = shop.placed[0]!;
    expect(body).toEqual({
      shipping_address: {
        name: 'Ana Pérez',
        // The account's phone, prefilled.
        phone: '+56912345678',
        street: 'Av. Italia 1500',
        city: 'Ñuñoa',
        region: 'RM',
        postal_code: '',
        country: 'CL',
      },
      shipping_method: 'despacho',
      payment_method: 'bank_transfer',
    });
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Carro: 0 productos' }),
      ).toBeInTheDocument(),
    );
  });

  it('retries with the same Idempotency-Key and uses a new one for a changed order', async () => {
    seedCartItem(2, null, 1);
    let fail = true;
    server.use(
      http.post('*/orders', ({ request }) => {
        if (!fail) return undefined;
        shop.placed.push({
          body: {},
          key: request.headers.get('Idempotency-Key'),
        });
        return HttpResponse.json(
          { error: { code: 'unavailable', message: 'servicio no disponible' } },
          { status: 503 },
        );
      }),
    );
    const { user } = await renderApp('/pagar');
    await toReview(user);

    const confirm = screen.getByRole('button', { name: 'Confirmar pedido' });
    await user.click(confirm);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Servicio no disponible',
    );
    await user.click(confirm);
    await waitFor(() => expect(shop.placed).toHaveLength(2));
    expect(shop.placed[1]!.key).toBe(shop.placed[0]!.key);

    await user.type(
      screen.getByLabelText('Notas para la tienda (opcional)'),
      'Dejar en conserjería',
    );
    fail = false;
    await user.click(confirm);
    await screen.findByRole('heading', {
      name: '¡Gracias! Recibimos tu pedido',
    });
    expect(shop.placed).toHaveLength(3);
    expect(shop.placed[2]!.key).not.toBe(shop.placed[0]!.key);
    expect(shop.placed[2]!.body.notes).toBe('Dejar en conserjería');
  });

  it('sends the shopper back to the address when the server refuses a field', async () => {
    seedCartItem(2, null, 1);
    server.use(
      http.post('*/orders', () =>
        HttpResponse.json(
          {
            error: {
              code: 'invalid',
              message: 'datos no válidos',
              fields: [
                {
                  field: 'shipping_address.city',
                  message: 'demasiado largo',
                },
              ],
            },
          },
          { status: 422 },
        ),
      ),
    );
    const { user } = await renderApp('/pagar');
    await toReview(user);

    await user.click(screen.getByRole('button', { name: 'Confirmar pedido' }));

    expect(await screen.findByLabelText(/Comuna/)).toHaveAccessibleDescription(
      'Demasiado largo.',
    );
    expect(step()).toBe('1. Dirección');
  });

  it('asks a signed-out shopper to sign in first, coming back here', async () => {
    resetAccounts();
    seedCartItem(2, null, 1);
    await renderApp('/pagar');

    expect(
      await screen.findByRole('heading', {
        name: 'Inicia sesión para comprar: tu carro te espera',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ingresa' })).toHaveAttribute(
      'href',
      '/ingresar?volver=%2Fpagar',
    );
    expect(
      screen.getByRole('link', { name: 'crea una cuenta' }),
    ).toHaveAttribute('href', '/registro?volver=%2Fpagar');
    expect(
      screen.queryByRole('button', { name: 'Continuar' }),
    ).not.toBeInTheDocument();
  });

  it('asks to sign in again when the server ends the session at the last step', async () => {
    seedCartItem(2, null, 1);
    server.use(
      http.post('*/orders', () =>
        HttpResponse.json(
          { error: { code: 'unauthenticated', message: 'inicie sesión' } },
          { status: 401 },
        ),
      ),
    );
    const { user } = await renderApp('/pagar');
    await toReview(user);

    await user.click(screen.getByRole('button', { name: 'Confirmar pedido' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Inicia sesión para comprar',
    );
    expect(shop.items).toHaveLength(1);
  });

  it('requires a payment method', async () => {
    seedCartItem(2, null, 1);
    const { user } = await renderApp('/pagar');
    await fillAddress(user);
    await user.click(await screen.findByRole('button', { name: 'Continuar' }));
    await user.click(await screen.findByRole('button', { name: 'Continuar' }));

    expect(
      screen.getByRole('group', { name: 'Medio de pago' }),
    ).toHaveAccessibleDescription('Elige cómo pagar');
    expect(step()).toBe('3. Pago');
  });

  it('prefills the recipient with the account holder', async () => {
    seedCartItem(2, null, 1);
    await renderApp('/pagar');

    expect(await screen.findByLabelText(/Nombre de quien recibe/)).toHaveValue(
      'Ana Pérez',
    );
    expect(screen.getByLabelText(/Teléfono/)).toHaveValue('+56912345678');
  });

  it('starts on the cheapest shipping method and totals with it', async () => {
    seedCartItem(500, 1, 2);
    const { user } = await renderApp('/pagar');
    await fillAddress(user);

    const home = await screen.findByRole('radio', {
      name: /Despacho a domicilio/,
    });
    await waitFor(() => expect(home).toBeChecked());
    await user.click(screen.getByRole('radio', { name: /Retiro en tienda/ }));
    await user.click(screen.getByRole('button', { name: 'Continuar' }));
    await user.click(
      await screen.findByRole('radio', { name: /Transferencia bancaria/ }),
    );
    await user.click(screen.getByRole('button', { name: 'Continuar' }));

    const review = await screen.findByRole('region', {
      name: 'Total del pedido',
    });
    expect(review).toHaveTextContent('EnvíoGratis');
    expect(review).toHaveTextContent('Total$19.980');
  });

  it('requires a shipping method', async () => {
    seedCartItem(2, null, 1);
    server.use(
      http.get('*/shipping-methods', () =>
        HttpResponse.json({
          data: [
            {
              code: 'retiro',
              name: 'Retiro en tienda',
              amount: 0,
              amount_formatted: '$0',
              cheapest: false,
            },
          ],
        }),
      ),
    );
    const { user } = await renderApp('/pagar');
    await fillAddress(user);
    await screen.findByRole('radio', { name: /Retiro en tienda/ });
    await user.click(screen.getByRole('button', { name: 'Continuar' }));

    expect(
      screen.getByRole('group', { name: /Despacho a/ }),
    ).toHaveAccessibleDescription('Elige una forma de despacho');
    expect(step()).toBe('2. Despacho');
  });

  it('has nothing to pay with an empty cart', async () => {
    await renderApp('/pagar');

    expect(await screen.findByText(/Tu carro está vacío/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Continuar' }),
    ).not.toBeInTheDocument();
  });
});

async function toReviewFromShipping(user: UserEvent) {
  await user.click(screen.getByRole('radio', { name: /Despacho a domicilio/ }));
  await user.click(screen.getByRole('button', { name: 'Continuar' }));
  expect(step()).toBe('3. Pago');
  await user.click(
    await screen.findByRole('radio', { name: /Transferencia bancaria/ }),
  );
  await user.click(screen.getByRole('button', { name: 'Continuar' }));
  await screen.findByRole('heading', { name: 'Revisa tu pedido' });
}
