import { expect, test } from '@playwright/test';

// A shopper searches the real demo catalog with a typo, takes a completion
// from the header's search box, and narrows the results by a facet.

test('search with a typo, pick a completion and filter by a facet', async ({
  page,
}) => {
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Buscar productos' });
  await box.fill('yerba mtae');
  const list = page.getByRole('listbox', { name: 'Sugerencias' });
  const first = list.getByRole('option').first();
  await expect(first).toContainText(/yerba mate/i);
  await expect(box).toHaveAttribute('aria-expanded', 'true');

  // The keyboard reaches the completions; the mouse picks one.
  await box.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const name = (await first.locator('span').first().textContent())!.trim();
  await first.click();

  await expect(page).toHaveURL(/\/buscar\?q=/);
  await expect(
    page.getByRole('heading', { level: 1, name: `Resultados para «${name}»` }),
  ).toBeVisible();
  const results = page.getByRole('region', { name: 'Resultados' });
  await expect(
    results.getByRole('heading', { level: 3 }).first(),
  ).toBeVisible();

  // The typo as typed: the page proposes the spelling that finds products.
  await page.goto('/buscar?q=yerba%20mtae');
  await expect(page.getByText('¿Quisiste decir')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'yerba mate', exact: true }),
  ).toBeVisible();

  // A brand facet narrows the results to its count, and stays in the URL.
  const brands = page.getByRole('list', { name: 'Marcas' });
  const brand = brands.getByRole('button').first();
  const count = (await brand.locator('span').nth(1).textContent())!.trim();
  await brand.click();
  await expect(page).toHaveURL(/[?&]marca=[a-z0-9-]+/);
  await expect(brand).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByRole('status').filter({ hasText: `${count} producto` }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('list', { name: 'Marcas' }).getByRole('button', {
      pressed: true,
    }),
  ).toBeVisible();

  expect(consoleErrors).toEqual([]);
});
