import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { requests } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/render-app';

function lastProductsRequest() {
  return requests.filter((u) => u.pathname === '/products').at(-1)!
    .searchParams;
}

async function productNames() {
  const grid = await screen.findByRole('region', { name: 'Resultados' });
  return within(grid)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);
}

describe('catalog page', () => {
  it('lists the first page with its total', async () => {
    await renderApp('/catalogo');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Catálogo' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('33 productos')).toBeInTheDocument();
    expect(await productNames()).toHaveLength(24);
  });

  it('puts the in-stock filter in the URL and the request', async () => {
    const { user, params } = await renderApp('/catalogo?pagina=2');

    await user.click(
      await screen.findByRole('checkbox', { name: 'Solo productos con stock' }),
    );

    await waitFor(() => expect(params().get('disponible')).toBe('1'));
    expect(params().has('pagina')).toBe(false);
    await waitFor(() =>
      expect(lastProductsRequest().get('in_stock')).toBe('true'),
    );
    expect(await screen.findByText('28 productos')).toBeInTheDocument();
  });

  it('sorts by price and keeps the order in the URL', async () => {
    const { user, params } = await renderApp('/catalogo');

    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Ordenar por' }),
      'Precio: mayor a menor',
    );

    await waitFor(() => expect(params().get('orden')).toBe('precio-desc'));
    await waitFor(async () =>
      expect((await productNames())[0]).toBe('Audífonos modelo 12'),
    );
    expect(lastProductsRequest().get('sort')).toBe('price_desc');
  });

  it('applies a price range and rejects an inverted one', async () => {
    const { user, params } = await renderApp('/catalogo');
    const min = await screen.findByRole('textbox', { name: 'Mínimo' });
    const max = screen.getByRole('textbox', { name: 'Máximo' });
    const apply = screen.getByRole('button', { name: 'Aplicar precio' });

    await user.type(min, '5000');
    await user.type(max, '100');
    await user.click(apply);
    expect(
      screen.getByText('El mínimo no puede ser mayor que el máximo.'),
    ).toBeInTheDocument();
    expect(params().has('precio_min')).toBe(false);

    await user.clear(max);
    await user.type(max, '$52.000');
    await user.click(apply);

    await waitFor(() => {
      expect(params().get('precio_min')).toBe('5000');
      expect(params().get('precio_max')).toBe('52000');
    });
    expect(await screen.findByText('4 productos')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Hasta \$52\.000/ }),
    ).toBeInTheDocument();
  });

  it('filters by a brand found by name', async () => {
    const { user, params } = await renderApp('/catalogo');

    await user.type(
      await screen.findByRole('searchbox', { name: 'Buscar marca' }),
      'son',
    );
    const brands = screen.getByRole('list', { name: 'Marcas' });
    await waitFor(() =>
      expect(within(brands).getAllByRole('button')).toHaveLength(2),
    );
    await user.click(within(brands).getByRole('button', { name: 'Sony' }));

    await waitFor(() => expect(params().get('marca')).toBe('sony'));
    expect(await screen.findByText('6 productos')).toBeInTheDocument();
    expect(
      within(brands).getByRole('button', { name: 'Sony' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('moves into a category from the tree, keeping the filters', async () => {
    const { user, router } = await renderApp('/catalogo?disponible=1');
    const tree = await screen.findByRole('navigation', {
      name: 'Categorías del catálogo',
    });

    await user.click(await within(tree).findByRole('link', { name: /^Audio/ }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/categoria/audio'),
    );
    expect(router.state.location.search).toBe('?disponible=1');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Audio' }),
    ).toBeInTheDocument();
    // The heading comes from the cached category tree, so it can render
    // before the page's products query has reached the server.
    await waitFor(() =>
      expect(lastProductsRequest().get('category')).toBe('audio'),
    );
    expect(lastProductsRequest().get('in_stock')).toBe('true');
    const crumbs = screen.getByRole('navigation', {
      name: 'Ruta de navegación',
    });
    expect(within(crumbs).getByText('Audio')).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('pages through the results with links', async () => {
    const { user, params } = await renderApp('/catalogo?orden=nombre');
    const pager = await screen.findByRole('navigation', { name: 'Paginación' });

    expect(
      within(pager).getByRole('link', { name: 'Página 1' }),
    ).toHaveAttribute('aria-current', 'page');
    await user.click(within(pager).getByRole('link', { name: /Siguiente/ }));

    await waitFor(() => expect(params().get('pagina')).toBe('2'));
    expect(params().get('orden')).toBe('nombre');
    await waitFor(async () => expect(await productNames()).toHaveLength(9));
    expect(
      within(screen.getByRole('navigation', { name: 'Paginación' })).getByRole(
        'link',
        { name: 'Página 2' },
      ),
    ).toHaveAttribute('aria-current', 'page');
  });

  it('reproduces a view from its link', async () => {
    await renderApp(
      '/categoria/lacteos?orden=precio-asc&pagina=1&disponible=1',
    );

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Lácteos' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Ordenar por' })).toHaveValue(
      'precio-asc',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Solo productos con stock' }),
    ).toBeChecked();
    expect((await productNames())[0]).toBe('Leche número 2');
  });

  it('shows the error and retries', async () => {
    let fail = true;
    server.use(
      http.get('*/products', () =>
        fail
          ? HttpResponse.json(
              {
                error: {
                  code: 'unavailable',
                  message: 'La tienda no está disponible por ahora.',
                  request_id: 'req-503',
                },
              },
              { status: 503 },
            )
          : undefined,
      ),
    );
    const { user } = await renderApp('/catalogo');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No pudimos cargar los productos');
    expect(alert).toHaveTextContent('La tienda no está disponible por ahora.');
    expect(alert).toHaveTextContent('req-503');

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Reintentar' }));
    expect(await screen.findByText('33 productos')).toBeInTheDocument();
  });

  it('says when a category does not exist', async () => {
    await renderApp('/categoria/no-existe');

    expect(
      await screen.findByRole('heading', { name: 'Categoría no encontrada' }),
    ).toBeInTheDocument();
  });
});
