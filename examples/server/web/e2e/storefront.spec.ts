import { expect, test } from '@playwright/test';

// A shopper's path through the real store: the catalog, one category, one
// product. It asserts content that only the server's data can provide.

test('browse the catalog, filter by a category and open a product', async ({
  page,
}) => {
  const origin = new URL(process.env.E2E_BASE_URL!).origin;
  const offsite: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const web = url.protocol === 'http:' || url.protocol === 'https:';
    if (web && url.origin !== origin) offsite.push(request.url());
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await page.goto('/catalogo');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Catálogo' }),
  ).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /^[\d.]+ productos?$/ }),
  ).toBeVisible();
  const results = page.getByRole('region', { name: 'Resultados' });
  await expect(
    results.getByRole('heading', { level: 3 }).first(),
  ).toBeVisible();

  // Pick a department from the catalog's own tree.
  const tree = page.getByRole('navigation', {
    name: 'Categorías del catálogo',
  });
  const department = tree.getByRole('link').nth(1);
  const departmentName = (
    await department.locator('span').first().textContent()
  )?.trim();
  expect(departmentName).toBeTruthy();
  await department.click();

  await expect(page).toHaveURL(/\/categoria\/[a-z0-9-]+$/);
  await expect(
    page.getByRole('heading', { level: 1, name: departmentName }),
  ).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: 'Ruta de navegación' });
  await expect(crumbs.getByText(departmentName!)).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Filter to what is in stock: the URL keeps it.
  // The box follows the URL, so it turns checked only after the navigation:
  // click, then wait for the URL and the state rather than check() at once.
  const inStock = page.getByRole('checkbox', {
    name: 'Solo productos con stock',
  });
  await inStock.click();
  await expect(page).toHaveURL(/disponible=1/);
  await expect(inStock).toBeChecked();

  // Open the first product of the category.
  const firstCard = results.getByRole('heading', { level: 3 }).first();
  await expect(firstCard).toBeVisible();
  const productName = (await firstCard.textContent())!.trim();
  await firstCard.getByRole('link').click();

  await expect(page).toHaveURL(/\/producto\/[^/]+$/);
  await expect(
    page.getByRole('heading', { level: 1, name: productName }),
  ).toBeVisible();
  const offer = page.getByRole('status', { name: 'Precio y disponibilidad' });
  await expect(offer).toContainText(/\$\d{1,3}(\.\d{3})*/);
  await expect(offer).toContainText(/Disponible|Última/);
  await expect(
    page
      .getByRole('navigation', { name: 'Ruta de navegación' })
      .getByRole('link', { name: departmentName }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /Ilustración de/ })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Best Buy (CC0)');

  expect(offsite, 'the store must load nothing from other hosts').toEqual([]);
  expect(consoleErrors, 'errors in the browser console').toEqual([]);
});

test('an unknown path shows the 404 page', async ({ page }) => {
  await page.goto('/no-existe-esta-pagina');
  await expect(
    page.getByRole('heading', { name: 'Página no encontrada' }),
  ).toBeVisible();
});
