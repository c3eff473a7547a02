import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import {
  accountsDb,
  resetAccounts,
  signedInAs,
} from '@/testing/mocks/accounts';
import { requests } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { shop } from '@/testing/mocks/shop';
import { renderApp } from '@/testing/render-app';

const lastAdminQuery = () =>
  [...requests].reverse().find((u) => u.pathname === '/admin/orders')
    ?.searchParams;

describe('admin orders', () => {
  beforeEach(() => signedInAs('raul@ejemplo.cl'));

  it('keeps the filters in the URL and sends them to the API', async () => {
    const { user, params } = await renderApp(
      '/panel/pedidos?estado=shipped&desde=2026-11-01&hasta=2026-11-30',
    );

    const table = await screen.findByRole('table', { name: 'Pedidos' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByLabelText(/^Estado/)).toHaveValue('shipped');
    const q = lastAdminQuery()!;
    expect(q.get('status')).toBe('shipped');
    expect(q.get('from')).toBe('2026-11-01');
    expect(q.get('to')).toBe('2026-11-30');

    await user.selectOptions(screen.getByLabelText(/^Estado/), '');
    await user.selectOptions(screen.getByLabelText(/^Pago/), 'pending');
    await waitFor(() => expect(params().get('pago')).toBe('pending'));
    expect(params().get('estado')).toBeNull();
    await waitFor(() =>
      expect(lastAdminQuery()?.get('payment_status')).toBe('pending'),
    );
    expect(
      await screen.findByRole('link', { name: 'CL-2026-0008' }),
    ).toHaveAttribute('href', '/panel/pedidos/8');
    expect(screen.getByText('1 pedido')).toBeInTheDocument();

    await user.type(
      screen.getByLabelText(/^Número de pedido/),
      'CL-2026-0007{Enter}',
    );
    await waitFor(() => expect(params().get('numero')).toBe('CL-2026-0007'));
    expect(lastAdminQuery()?.get('number')).toBe('CL-2026-0007');
    expect(await screen.findByText('No hay pedidos con estos filtros.'));
  });

  it('exports the filtered orders as a CSV file', async () => {
    let seen: URL | undefined;
    server.use(
      http.get('*/admin/orders', ({ request }) => {
        const url = new URL(request.url);
        if (url.searchParams.get('format') !== 'csv') return undefined;
        seen = url;
        return new HttpResponse('number,total\nCL-2026-0007,25980\n', {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );
    const created = vi.fn((_file: Blob) => 'blob:pedidos');
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    const clicked = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const { user } = await renderApp('/panel/pedidos?estado=shipped&pagina=2');

    await user.click(
      await screen.findByRole('button', { name: 'Exportar CSV' }),
    );

    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(seen?.searchParams.get('status')).toBe('shipped');
    expect(seen?.searchParams.has('page')).toBe(false);
    const file = created.mock.calls[0]![0];
    expect(await file.text()).toContain('CL-2026-0007,25980');
  });

  it('offers only the moves allowed from the status and records a note', async () => {
    const { user } = await renderApp('/panel/pedidos/8');

    const actions = await screen.findByRole('region', {
      name: 'Cambiar estado',
    });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Confirmar', 'Cancelar pedido']);

    await user.type(
      within(actions).getByLabelText(/Nota para el seguimiento/),
      'Pago verificado',
    );
    await user.click(
      within(actions).getByRole('button', { name: 'Confirmar' }),
    );

    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Cambiar estado' }))
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Preparar', 'Cancelar pedido']),
    );
    expect(shop.statusChanges).toEqual([
      { id: 8, status: 'confirmed', note: 'Pago verificado' },
    ]);
    const timeline = screen.getByRole('region', { name: 'Seguimiento' });
    expect(timeline).toHaveTextContent('Pendiente → Confirmado');
    expect(timeline).toHaveTextContent('Pago verificado');
  });

  it('confirms a bank transfer by hand, with its reference', async () => {
    const { user } = await renderApp('/panel/pedidos/8');

    const payment = await screen.findByRole('region', {
      name: 'Registrar pago',
    });
    expect(
      within(payment)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Confirmar pago', 'Marcar pago fallido']);
    await user.type(
      within(payment).getByLabelText(/^Referencia del pago/),
      'TRX-991',
    );
    await user.click(
      within(payment).getByRole('button', { name: 'Confirmar pago' }),
    );

    // Paid, it is refunded through the refund form, not recorded by hand.
    expect(
      await screen.findByRole('form', { name: 'Reembolsar pago' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Registrar pago' }),
    ).not.toBeInTheDocument();
    expect(shop.paymentChanges).toEqual([
      { id: 8, payment_status: 'paid', reference: 'TRX-991', note: '' },
    ]);
    expect(
      screen.getByRole('region', { name: 'Seguimiento' }),
    ).toHaveTextContent('Pago: Pago pendiente → Pagado');
  });

  it('refunds part of a paid order, then the rest with restock', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    shop.orders[0]!.payment_status = 'paid';
    const { user } = await renderApp('/panel/pedidos/8');

    const form = await screen.findByRole('form', { name: 'Reembolsar pago' });
    await user.type(within(form).getByLabelText(/^Monto a reembolsar/), '5000');
    expect(
      within(form).queryByLabelText(/devolver las unidades/),
    ).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Reembolsar' }));
    await waitFor(() =>
      expect(shop.refunds).toEqual([
        { id: 8, amount: 5000, restock: false, note: '' },
      ]),
    );

    await user.click(within(form).getByLabelText(/devolver las unidades/));
    await user.click(within(form).getByRole('button', { name: 'Reembolsar' }));
    await waitFor(() =>
      expect(shop.refunds[1]).toEqual({ id: 8, restock: true, note: '' }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('form', { name: 'Reembolsar pago' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('takes a held payment before shipment', async () => {
    Object.assign(shop.orders[0]!, { status: 'confirmed', hold: 'authorized' });
    const { user } = await renderApp('/panel/pedidos/8');

    const held = await screen.findByRole('region', { name: 'Pago retenido' });
    expect(held).toHaveTextContent('se cobra al despachar');
    expect(
      screen.queryByRole('region', { name: 'Registrar pago' }),
    ).not.toBeInTheDocument();
    await user.click(
      within(held).getByRole('button', { name: 'Cobrar ahora' }),
    );

    await waitFor(() =>
      expect(
        screen.getByRole('region', { name: 'Pago retenido' }),
      ).toHaveTextContent('La pasarela cobró el pago retenido.'),
    );
    expect(screen.queryByRole('button', { name: 'Cobrar ahora' })).toBeNull();
  });

  it('offers refunds to admins only', async () => {
    resetAccounts();
    accountsDb.accounts[2]!.user.role = 'manager';
    signedInAs('marta@ejemplo.cl');
    shop.orders[0]!.payment_status = 'paid';
    await renderApp('/panel/pedidos/8');

    await screen.findByRole('region', { name: 'Seguimiento' });
    expect(
      screen.queryByRole('form', { name: 'Reembolsar pago' }),
    ).not.toBeInTheDocument();
  });

  it('is for staff only', async () => {
    resetAccounts();
    signedInAs('ana@ejemplo.cl');
    await renderApp('/panel/pedidos');

    expect(
      await screen.findByRole('heading', {
        name: 'No tienes acceso a esta página',
      }),
    ).toBeInTheDocument();
    expect(requests.some((u) => u.pathname === '/admin/orders')).toBe(false);
  });

  it('offers no move for a final status', async () => {
    shop.orders[0]!.status = 'delivered';
    await renderApp('/panel/pedidos/8');

    expect(
      await screen.findByText('Un pedido entregado no cambia más de estado.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Cambiar estado' }),
    ).not.toBeInTheDocument();
  });

  it('shows the server refusal of a move', async () => {
    server.use(
      http.put('*/orders/:id/status', () =>
        HttpResponse.json(
          {
            error: {
              code: 'conflict',
              message: 'un pedido cancelado no puede pasar a confirmado',
            },
          },
          { status: 409 },
        ),
      ),
    );
    const { user } = await renderApp('/panel/pedidos/8');

    await user.click(await screen.findByRole('button', { name: 'Confirmar' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Un pedido cancelado no puede pasar a confirmado',
    );
  });
});
