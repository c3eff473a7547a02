import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { resetAccounts, signedInAs } from '@/testing/mocks/accounts';
import { shop } from '@/testing/mocks/shop';
import { renderApp } from '@/testing/render-app';

describe('orders', () => {
  beforeEach(() => signedInAs('ana@ejemplo.cl'));

  it('lists the customer orders with status, payment and total', async () => {
    await renderApp('/pedidos');

    const table = await screen.findByRole('table', { name: 'Tus pedidos' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('CL-2026-0008');
    expect(rows[0]).toHaveTextContent('Pendiente');
    expect(rows[0]).toHaveTextContent('Pago pendiente');
    expect(rows[0]).toHaveTextContent('$13.980');
    expect(
      within(rows[1]!).getByRole('link', { name: 'CL-2026-0007' }),
    ).toHaveAttribute('href', '/pedidos/7');
  });

  it('pages with ?pagina= and sends page to the API', async () => {
    shop.orders = Array.from({ length: 25 }, (_, i) => ({
      ...shop.orders[0]!,
      id: 100 + i,
      number: `CL-2026-${100 + i}`,
    }));
    const { user, params } = await renderApp('/pedidos');

    await screen.findByRole('table', { name: 'Tus pedidos' });
    expect(screen.getByText('Página 1 de 2')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /Siguiente/ }));

    expect(await screen.findByText('Página 2 de 2')).toBeInTheDocument();
    expect(params().get('pagina')).toBe('2');
    expect(screen.getAllByRole('row')).toHaveLength(6);
  });

  it('sends a signed-out visitor to sign in, coming back after', async () => {
    resetAccounts();
    const { router } = await renderApp('/pedidos');

    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/ingresar'),
    );
    expect(router.state.location.search).toBe('?volver=%2Fpedidos');
  });

  it('shows an order with its lines, totals, address and timeline', async () => {
    await renderApp('/pedidos/7');

    expect(
      await screen.findByRole('heading', { name: 'Pedido CL-2026-0007' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Enviado')).toBeInTheDocument();
    expect(screen.getByText('Pagado')).toBeInTheDocument();

    const summary = screen.getByRole('region', { name: 'Resumen' });
    expect(summary).toHaveTextContent('Subtotal$21.990');
    expect(summary).toHaveTextContent('Envío$3.990');
    expect(summary).toHaveTextContent('Total$25.980');
    expect(summary).toHaveTextContent('IVA incluido$4.148');

    expect(screen.getByText(/Av\. Providencia 1234/)).toHaveTextContent(
      'Región Metropolitana de Santiago',
    );

    const timeline = screen.getByRole('region', { name: 'Seguimiento' });
    const entries = within(timeline).getAllByRole('listitem');
    expect(entries.map((e) => e.querySelector('p')?.textContent)).toEqual([
      'Pedido creado: Pendiente',
      'Pago: Pago pendiente → Pagado',
      'Pendiente → Confirmado',
      'Confirmado → En preparación',
      'En preparación → Enviado',
    ]);
    expect(entries[4]).toHaveTextContent(
      'Enviado por Starken, seguimiento 123',
    );
  });

  it('lets the customer cancel a confirmed order whose payment is only held', async () => {
    const order = shop.orders.find((o) => o.id === 8)!;
    Object.assign(order, { status: 'confirmed', hold: 'authorized' });
    const { user } = await renderApp('/pedidos/8');
    const box = await screen.findByRole('region', { name: 'Cancelar pedido' });
    await user.click(
      within(box).getByRole('button', { name: 'Cancelar pedido' }),
    );
    await user.click(
      within(box).getByRole('button', { name: 'Sí, cancelar el pedido' }),
    );
    await waitFor(() => expect(order.status).toBe('cancelled'));
    expect(order.hold).toBe('voided');
  });

  it('lets the customer cancel a pending order after confirming', async () => {
    const { user } = await renderApp('/pedidos/8');
    const box = await screen.findByRole('region', { name: 'Cancelar pedido' });

    await user.click(
      within(box).getByRole('button', { name: 'Cancelar pedido' }),
    );
    await user.click(
      within(box).getByRole('button', { name: 'No, mantenerlo' }),
    );
    expect(shop.orders.find((o) => o.id === 8)!.status).toBe('pending');

    await user.click(
      within(box).getByRole('button', { name: 'Cancelar pedido' }),
    );
    expect(within(box).getByRole('alertdialog')).toHaveTextContent(
      '¿Cancelar el pedido CL-2026-0008?',
    );
    await user.click(
      within(box).getByRole('button', { name: 'Sí, cancelar el pedido' }),
    );

    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: 'Cancelar pedido' }),
      ).not.toBeInTheDocument(),
    );
    expect(shop.orders.find((o) => o.id === 8)!.status).toBe('cancelled');
    const timeline = screen.getByRole('region', { name: 'Seguimiento' });
    expect(timeline).toHaveTextContent('Pendiente → Cancelado');
  });

  it('offers no cancellation once the order has shipped', async () => {
    await renderApp('/pedidos/7');

    await screen.findByRole('heading', { name: 'Pedido CL-2026-0007' });
    expect(
      screen.queryByRole('button', { name: 'Cancelar pedido' }),
    ).not.toBeInTheDocument();
  });

  it('says when the order is not there (or not yours)', async () => {
    await renderApp('/pedidos/999');

    expect(
      await screen.findByRole('heading', { name: 'Pedido no encontrado' }),
    ).toBeInTheDocument();
  });
});
