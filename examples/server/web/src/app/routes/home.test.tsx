import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '@/testing/render-app';

describe('home page', () => {
  it('shows the departments and the featured products', async () => {
    await renderApp('/');

    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    const departments = screen.getByRole('region', {
      name: 'Compra por categoría',
    });
    expect(
      await within(departments).findByRole('link', { name: /Supermercado/ }),
    ).toHaveAttribute('href', '/categoria/supermercado');

    const featured = screen.getByRole('region', { name: 'Destacados' });
    expect(
      await within(featured).findAllByRole('heading', { level: 3 }),
    ).toHaveLength(3);
  });

  it('has the store name, the menu, search and the attribution', async () => {
    const { user, router } = await renderApp('/');

    expect(
      screen.getByRole('link', { name: 'eCommerce Moderno' }),
    ).toHaveAttribute('href', '/');
    const menu = await screen.findByRole('navigation', { name: 'Categorías' });
    expect(
      await within(menu).findByRole('link', { name: 'Audio' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent(
      /Best Buy \(CC0\) y Precios Claros – SEPA \(CC BY 4\.0\)/,
    );

    const search = screen.getByRole('search');
    await user.type(within(search).getByRole('combobox'), 'leche{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/buscar'));
    expect(router.state.location.search).toBe('?q=leche');
    // The router's state changes before React draws the new page.
    await waitFor(() => expect(screen.getByRole('main')).toHaveFocus());
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Resultados para «leche»',
      }),
    ).toBeInTheDocument();
    expect(await screen.findByText('20 productos')).toBeInTheDocument();
  });
});
