import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '@/testing/render-app';

describe('product page', () => {
  it('shows name, brand, prices, savings and the breadcrumb', async () => {
    await renderApp('/producto/polera-basica');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Polera básica' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Moderno' })).toHaveAttribute(
      'href',
      '/catalogo?marca=moderno',
    );
    expect(screen.getByText('$9.990')).toBeInTheDocument();
    expect(screen.getByText('$12.990')).toBeInTheDocument();
    expect(screen.getByText('Ahorras $3.000 (23%)')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Polera básica/ }),
    ).toBeInTheDocument();

    const crumbs = screen.getByRole('navigation', {
      name: 'Ruta de navegación',
    });
    expect(
      within(crumbs).getByRole('link', { name: 'Vestuario' }),
    ).toHaveAttribute('href', '/categoria/vestuario');
  });

  it('updates price, stock and the URL when a variant is chosen', async () => {
    const { user, params } = await renderApp('/producto/polera-basica');
    const talla = await screen.findByRole('group', { name: /Talla/ });

    expect(within(talla).getByRole('radio', { name: 'S' })).toBeChecked();
    expect(screen.getByText('¡Últimas 5 unidades!')).toBeInTheDocument();

    await user.click(within(talla).getByRole('radio', { name: 'L' }));

    expect(within(talla).getByRole('radio', { name: 'L' })).toBeChecked();
    expect(screen.getByText('$11.990')).toBeInTheDocument();
    expect(screen.getByText('¡Últimas 3 unidades!')).toBeInTheDocument();
    expect(screen.getByText('POL-L-Blanco')).toBeInTheDocument();
    await waitFor(() => expect(params().get('variante')).toBe('3'));
  });

  it('shows a sold-out combination as such', async () => {
    const { user } = await renderApp('/producto/polera-basica');
    const talla = await screen.findByRole('group', { name: /Talla/ });

    const medium = within(talla).getByRole('radio', { name: 'M' });
    expect(medium).toHaveAccessibleDescription('Agotado');
    await user.click(medium);

    const offer = screen.getByRole('status', {
      name: 'Precio y disponibilidad',
    });
    expect(offer).toHaveTextContent('$10.990');
    expect(offer).toHaveTextContent('Agotado');
  });

  it('moves to the combination that exists when a colour is chosen', async () => {
    const { user } = await renderApp('/producto/polera-basica');
    const color = await screen.findByRole('group', { name: /Color/ });

    await user.click(within(color).getByRole('radio', { name: 'Negro' }));

    const talla = screen.getByRole('group', { name: /Talla/ });
    expect(within(talla).getByRole('radio', { name: 'M' })).toBeChecked();
    expect(screen.getByText('$10.490')).toBeInTheDocument();
  });

  it('opens on the variant in the link', async () => {
    await renderApp('/producto/polera-basica?variante=4');

    const color = await screen.findByRole('group', { name: /Color/ });
    expect(within(color).getByRole('radio', { name: 'Negro' })).toBeChecked();
  });

  it('lists attributes, weight and dimensions', async () => {
    await renderApp('/producto/polera-basica');

    const table = await screen.findByRole('table', { name: 'Características' });
    expect(
      within(table).getByRole('rowheader', { name: 'Material' }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('cell', { name: '0,2 kg' }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('cell', { name: '30 × 20 × 2 cm' }),
    ).toBeInTheDocument();
  });

  it('says when the product does not exist', async () => {
    await renderApp('/producto/no-existe');

    expect(
      await screen.findByRole('heading', { name: 'Producto no encontrado' }),
    ).toBeInTheDocument();
  });
});
