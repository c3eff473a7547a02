import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { signedInAs } from '@/testing/mocks/accounts';
import { paymentMethods, stripeMethod } from '@/testing/mocks/payment-methods';
import { server } from '@/testing/mocks/server';
import { seedCartItem, shop } from '@/testing/mocks/shop';
import { renderApp } from '@/testing/render-app';

// Stripe.js cannot load here (no network); its API is mocked.
const stripe = vi.hoisted(() => {
  const element = { mount: vi.fn(), destroy: vi.fn() };
  const elements = vi.fn((_opts: { clientSecret: string; locale: string }) => ({
    create: vi.fn(() => element),
  }));
  return {
    element,
    elements,
    confirmPayment: vi.fn(),
    loadStripe: vi.fn(),
  };
});
vi.mock('@stripe/stripe-js', () => ({ loadStripe: stripe.loadStripe }));

async function toPayment(user: UserEvent) {
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
  await user.click(
    await screen.findByRole('radio', { name: /Despacho a domicilio/ }),
  );
  await user.click(screen.getByRole('button', { name: 'Continuar' }));
  await screen.findByRole('radio', { name: /Transferencia bancaria/ });
}

async function payByCard(user: UserEvent) {
  await toPayment(user);
  await user.click(
    screen.getByRole('radio', { name: /Tarjeta de crédito o débito/ }),
  );
  await user.click(screen.getByRole('button', { name: 'Continuar' }));
  await user.click(
    await screen.findByRole('button', { name: 'Confirmar pedido' }),
  );
  await screen.findByRole('heading', { name: '¡Gracias! Recibimos tu pedido' });
}

describe('checkout by card', () => {
  beforeEach(() => {
    signedInAs('ana@ejemplo.cl');
    vi.clearAllMocks();
    stripe.confirmPayment.mockResolvedValue({});
    stripe.loadStripe.mockResolvedValue({
      elements: stripe.elements,
      confirmPayment: stripe.confirmPayment,
    });
  });

  it('offers the card only when the server lists a card gateway', async () => {
    seedCartItem(500, 1, 1);
    const { user } = await renderApp('/pagar');
    await toPayment(user);

    expect(
      screen.getAllByRole('radio').map((r) => r.getAttribute('value')),
    ).toEqual(['bank_transfer', 'cash_on_delivery']);
    expect(
      screen.queryByRole('radio', { name: /Tarjeta/ }),
    ).not.toBeInTheDocument();
    // Stripe.js is loaded only for a card payment.
    expect(stripe.loadStripe).not.toHaveBeenCalled();
  });

  it("confirms the payment with the order's client secret", async () => {
    paymentMethods.list.push(stripeMethod);
    seedCartItem(500, 1, 1);
    const { user } = await renderApp('/pagar');
    await payByCard(user);

    expect(shop.placed[0]!.body).toMatchObject({ payment_method: 'stripe' });
    // No card data goes to the store: the order carries only the method.
    expect(Object.keys(shop.placed[0]!.body).sort()).toEqual([
      'payment_method',
      'shipping_address',
      'shipping_method',
    ]);
    await user.click(await screen.findByRole('button', { name: 'Pagar' }));

    expect(stripe.loadStripe).toHaveBeenCalledWith('pk_test_tienda');
    expect(stripe.elements).toHaveBeenCalledWith({
      clientSecret: 'pi_1001_secret_1',
      locale: 'es',
    });
    expect(stripe.element.mount).toHaveBeenCalled();
    expect(stripe.confirmPayment).toHaveBeenCalledTimes(1);
    const [args] = stripe.confirmPayment.mock.calls[0]! as [
      { elements: unknown; confirmParams: { return_url: string } },
    ];
    expect(args.elements).toBe(stripe.elements.mock.results[0]!.value);
    expect(args.confirmParams.return_url).toBe(
      `${window.location.origin}/pedidos/1001/confirmacion`,
    );
    expect(await screen.findByText(/Pago enviado/)).toBeInTheDocument();
    expect(screen.getByText(/Estado del pago/)).toHaveTextContent(
      'Pago pendiente',
    );
  });

  it("shows Stripe's error in Spanish and retries with a fresh element", async () => {
    paymentMethods.list.push(stripeMethod);
    const paid: string[] = [];
    server.use(
      http.post('*/orders/:id/pay', ({ params }) => {
        paid.push(String(params.id));
        const o = shop.orders.find((x) => String(x.id) === params.id)!;
        return HttpResponse.json({
          data: o,
          payment: {
            method: 'stripe',
            status: 'pending',
            reference: '',
            instructions: '',
            redirect_url: '',
            // Stripe hands back the same PaymentIntent after a decline.
            client_secret: 'pi_1001_secret_1',
          },
        });
      }),
    );
    stripe.confirmPayment.mockResolvedValueOnce({
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    });
    seedCartItem(500, 1, 1);
    const { user } = await renderApp('/pagar');
    await payByCard(user);
    await user.click(await screen.findByRole('button', { name: 'Pagar' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'La tarjeta fue rechazada por fondos insuficientes.',
    );
    await user.click(screen.getByRole('button', { name: 'Reintentar' }));

    await waitFor(() => expect(paid).toEqual(['1001']));
    // A new Payment Element, even for the same secret.
    await waitFor(() => expect(stripe.elements).toHaveBeenCalledTimes(2));
    expect(stripe.elements).toHaveBeenLastCalledWith({
      clientSecret: 'pi_1001_secret_1',
      locale: 'es',
    });
    expect(stripe.element.destroy).toHaveBeenCalled();
    stripe.confirmPayment.mockResolvedValueOnce({});
    await user.click(await screen.findByRole('button', { name: 'Pagar' }));
    expect(stripe.confirmPayment).toHaveBeenCalledTimes(2);
    expect(
      (stripe.confirmPayment.mock.calls[1]![0] as { elements: unknown })
        .elements,
    ).toBe(stripe.elements.mock.results[1]!.value);
    expect(await screen.findByText(/Pago enviado/)).toBeInTheDocument();
  });

  it('retries when the gateway did not answer', async () => {
    paymentMethods.list.push(stripeMethod);
    const paid: string[] = [];
    server.use(
      http.post('*/orders/:id/pay', ({ params }) => {
        paid.push(String(params.id));
        const o = shop.orders.find((x) => String(x.id) === params.id)!;
        return HttpResponse.json({
          data: o,
          payment: {
            method: 'stripe',
            status: 'pending',
            reference: '',
            instructions: '',
            redirect_url: '',
            client_secret: 'pi_1001_secret_2',
          },
        });
      }),
    );
    shop.card = 'down';
    seedCartItem(500, 1, 1);
    const { user } = await renderApp('/pagar');
    await payByCard(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'el medio de pago no está disponible',
    );
    expect(stripe.elements).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Reintentar' }));
    await waitFor(() =>
      expect(stripe.elements).toHaveBeenCalledWith({
        clientSecret: 'pi_1001_secret_2',
        locale: 'es',
      }),
    );
    expect(paid).toEqual(['1001']);
  });

  it('shows a declined card as the server reports it, without the form', async () => {
    paymentMethods.list.push(stripeMethod);
    shop.card = 'declined';
    seedCartItem(500, 1, 1);
    const { user } = await renderApp('/pagar');
    await payByCard(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'la tarjeta fue rechazada por fondos insuficientes',
    );
    expect(screen.getByText(/Estado del pago/)).toHaveTextContent(
      'Pago fallido',
    );
    expect(
      screen.queryByRole('button', { name: /Pagar|Reintentar/ }),
    ).not.toBeInTheDocument();
    expect(stripe.loadStripe).not.toHaveBeenCalled();
  });
});
