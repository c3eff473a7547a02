import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { seedCartItem, shop } from '@/testing/mocks/shop';
import { renderApp } from '@/testing/render-app';

describe('cart', () => {
  it('adds the chosen variant from the product page and counts it in the header', async () => {
    const { user } = await renderApp('/producto/polera-basica?variante=3');
    expect(
      await screen.findByRole('button', { name: 'Carro: 0 productos' }),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Cantidad'), '2');
    await user.click(screen.getByRole('button', { name: 'Agregar al carro' }));

    expect(await screen.findByText(/Agregado al carro/)).toBeInTheDocument();
    expect(shop.items).toMatchObject([
      { product_id: 500, variant_id: 3, quantity: 2 },
    ]);
    const button = await screen.findByRole('button', {
      name: 'Carro: 2 productos',
    });

    await user.click(button);
    const panel = screen.getByRole('region', { name: 'Resumen del carro' });
    expect(panel).toHaveTextContent('Polera básica L Blanco × 2');
    expect(panel).toHaveTextContent('$23.980');
    expect(
      within(panel).getByRole('link', { name: 'Ir a pagar' }),
    ).toHaveAttribute('href', '/pagar');
  });

  it('offers no more units than there are in stock and shows the server refusal', async () => {
    seedCartItem(500, 3, 2);
    const { user } = await renderApp('/producto/polera-basica?variante=3');

    const quantity = await screen.findByLabelText('Cantidad');
    expect(within(quantity).getAllByRole('option')).toHaveLength(3);
    await user.selectOptions(quantity, '3');
    await user.click(screen.getByRole('button', { name: 'Agregar al carro' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Solo quedan 3 unidades de Polera básica L Blanco',
    );
    expect(shop.items[0]?.quantity).toBe(2);
  });

  it('cannot add a sold-out variant', async () => {
    await renderApp('/producto/polera-basica?variante=2');

    expect(
      await screen.findByText(/no se puede agregar al carro/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Agregar al carro' }),
    ).not.toBeInTheDocument();
  });

  it('shows the server totals with the tax part, savings and a changed price', async () => {
    seedCartItem(500, 1, 2, 8990);
    seedCartItem(1, null, 1);
    await renderApp('/carrito');

    const list = await screen.findByRole('list', {
      name: 'Productos en el carro',
    });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText(/Algunos precios cambiaron/)).toBeInTheDocument();
    expect(
      screen.getByText('El precio cambió: antes $8.990, ahora $9.990.'),
    ).toBeInTheDocument();

    const summary = screen.getByRole('region', { name: 'Resumen' });
    // 2 × 9.990 + 1.000, tax-inclusive: IVA is 19/119 of it.
    expect(summary).toHaveTextContent('Subtotal$20.980');
    expect(summary).toHaveTextContent('EnvíoSe calcula al pagar');
    expect(summary).toHaveTextContent('Total$20.980');
    expect(summary).toHaveTextContent('IVA incluido$3.350');
    expect(summary).toHaveTextContent('Ahorras$6.000');
  });

  it('changes quantities and removes items through the server', async () => {
    seedCartItem(500, 1, 1);
    seedCartItem(1, null, 1);
    const { user } = await renderApp('/carrito');

    await user.click(
      await screen.findByRole('button', {
        name: 'Agregar una unidad de Polera básica S Blanco',
      }),
    );
    const summary = screen.getByRole('region', { name: 'Resumen' });
    await waitFor(() => expect(summary).toHaveTextContent('Total$20.980'));
    expect(shop.items[0]?.quantity).toBe(2);
    expect(
      screen.getByRole('button', { name: 'Carro: 3 productos' }),
    ).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Eliminar Leche número 1 del carro' }),
    );
    await waitFor(() => expect(summary).toHaveTextContent('Total$19.980'));
    expect(screen.queryByText('Leche número 1')).not.toBeInTheDocument();
  });

  it('does not offer more units than are in stock', async () => {
    seedCartItem(500, 3, 3);
    await renderApp('/carrito');

    expect(
      await screen.findByRole('button', {
        name: 'Agregar una unidad de Polera básica L Blanco',
      }),
    ).toBeDisabled();
  });

  it('empties the cart after asking', async () => {
    seedCartItem(1, null, 1);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = await renderApp('/carrito');

    await user.click(
      await screen.findByRole('button', { name: 'Vaciar carro' }),
    );

    expect(await screen.findByText('Tu carro está vacío.')).toBeInTheDocument();
    expect(shop.items).toHaveLength(0);
  });
});
