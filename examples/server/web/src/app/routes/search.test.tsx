import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '@/testing/render-app';

describe('search', () => {
  it('completes in the header, moves with the keyboard and opens the results', async () => {
    const { user, router } = await renderApp('/');
    const box = within(screen.getByRole('search')).getByRole('combobox', {
      name: 'Buscar productos',
    });
    await user.type(box, 'audif');
    const list = await screen.findByRole('listbox', { name: 'Sugerencias' });
    const options = await within(list).findAllByRole('option');
    expect(options[0]).toHaveTextContent('Audífonos modelo 1');
    expect(box).toHaveAttribute('aria-expanded', 'true');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
    await user.keyboard('{ArrowUp}');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/buscar'));
    expect(router.state.location.search).toBe(
      `?q=${encodeURIComponent('Audífonos modelo 1')}`,
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Resultados para «Audífonos modelo 1»',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('combobox', { name: 'Buscar productos' }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes the completions on Escape and searches the words typed', async () => {
    const { user, router } = await renderApp('/');
    const box = screen.getByRole('combobox', { name: 'Buscar productos' });
    await user.type(box, 'leche');
    await screen.findAllByRole('option');
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?q=leche'));
    expect(await screen.findByText('20 productos')).toBeInTheDocument();
  });

  it('filters by facets and sorts, keeping everything in the URL', async () => {
    const { user, params } = await renderApp('/buscar?q=audifonos');
    expect(await screen.findByText('12 productos')).toBeInTheDocument();
    const brands = screen.getByRole('list', { name: 'Marcas' });
    await user.click(within(brands).getByRole('button', { name: /Sony/ }));
    await waitFor(() => expect(params().get('marca')).toBe('sony'));
    expect(await screen.findByText('6 productos')).toBeInTheDocument();
    expect(
      within(brands).getByRole('button', { name: /Sony/ }),
    ).toHaveAttribute('aria-pressed', 'true');

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Ordenar por' }),
      'precio-desc',
    );
    await waitFor(() => expect(params().get('orden')).toBe('precio-desc'));
    const results = screen.getByRole('region', { name: 'Resultados' });
    await waitFor(() =>
      expect(
        within(results).getAllByRole('heading', { level: 3 })[0],
      ).toHaveTextContent('Audífonos modelo 12'),
    );

    const prices = screen.getByRole('list', { name: 'Precio' });
    await user.click(
      within(prices).getByRole('button', { name: /\$10\.000 o más/ }),
    );
    await waitFor(() => expect(params().get('precio_min')).toBe('10000'));
    expect(params().get('q')).toBe('audifonos');
    expect(params().get('marca')).toBe('sony');
  });

  it('offers a spelling when the words as typed find nothing', async () => {
    const { user, params } = await renderApp('/buscar?q=lehce');
    const link = await screen.findByRole('link', { name: 'leche' });
    expect(link.parentElement).toHaveTextContent('¿Quisiste decir leche?');
    await user.click(link);
    await waitFor(() => expect(params().get('q')).toBe('leche'));
  });

  it('narrows to a category from the facets', async () => {
    const { user, params } = await renderApp('/buscar');
    const cats = await screen.findByRole('list', { name: 'Categorías' });
    await user.click(within(cats).getByRole('button', { name: /Leches/ }));
    await waitFor(() => expect(params().get('categoria')).toBe('leches'));
    expect(await screen.findByText('20 productos')).toBeInTheDocument();
  });
});
