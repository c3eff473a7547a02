import { expect, test } from '@playwright/test';

// A shopper buys against the real server: a product goes into the guest
// cart, checkout asks for an account, the cart follows the new account,
// the order is placed with bank transfer, and it shows in the history.

test('buy a product with bank transfer and find it in the order history', async ({
  page,
}) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const header = page.getByRole('banner');

  // A product in stock, into the cart as a guest.
  await page.goto('/catalogo?disponible=1');
  const results = page.getByRole('region', { name: 'Resultados' });
  const firstCard = results.getByRole('heading', { level: 3 }).first();
  await expect(firstCard).toBeVisible();
  await firstCard.getByRole('link').click();
  await expect(page).toHaveURL(/\/producto\/[^/]+$/);
  // The catalog's own heading stays until the product has loaded.
  const addToCart = page.getByRole('button', { name: 'Agregar al carro' });
  await expect(addToCart).toBeVisible();
  const productName = (await page
    .getByRole('heading', { level: 1 })
    .textContent())!.trim();

  await addToCart.click();
  await expect(page.getByText('Agregado al carro.')).toBeVisible();
  const cartButton = header.getByRole('button', {
    name: /^Carro: 1 producto$/,
  });
  await expect(cartButton).toBeVisible();

  // The cart page shows the server's totals.
  await cartButton.click();
  await header.getByRole('link', { name: 'Ver carro' }).click();
  await expect(page).toHaveURL(/\/carrito$/);
  const items = page.getByRole('list', { name: 'Productos en el carro' });
  await expect(items.getByRole('listitem')).toHaveCount(1);
  await expect(items).toContainText(productName);
  const summary = page.getByRole('region', { name: 'Resumen' });
  await expect(summary).toContainText(/Total\$\d{1,3}(\.\d{3})*/);
  await expect(summary).toContainText('IVA incluido');

  // Checkout wants an account: create one and come back.
  await page.getByRole('link', { name: 'Ir a pagar' }).click();
  await expect(page).toHaveURL(/\/pagar$/);
  await page.getByRole('link', { name: 'crea una cuenta' }).click();
  await expect(page).toHaveURL(/\/registro\?volver=%2Fpagar$/);
  const email = `compra-${Date.now()}@ejemplo.cl`;
  const password = 'Segura#2026';
  await page.getByLabel('Nombre y apellido').fill('Eva Rojas');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByLabel('Repite la contraseña').fill(password);
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page).toHaveURL(/\/pagar$/);
  await expect(header.getByRole('button', { name: /Eva/ })).toBeVisible();

  // The guest cart is the account's now. Address, shipping, payment.
  await expect(cartButton).toBeVisible();
  await page.getByLabel('Nombre de quien recibe').fill('Eva Rojas');
  await page.getByLabel(/^Teléfono/).fill('+56987654321');
  await page.getByLabel('Calle y número').fill('Av. Italia 1500');
  await page.getByLabel('Comuna').fill('Ñuñoa');
  await page
    .getByLabel('Región')
    .selectOption('Región Metropolitana de Santiago');
  await page.getByRole('button', { name: 'Continuar' }).click();

  const methods = page.getByRole('group', { name: /^Despacho a/ });
  await expect(methods.getByRole('radio').first()).toBeVisible();
  await methods.getByRole('radio', { name: /Despacho a domicilio/ }).check();
  await page.getByRole('button', { name: 'Continuar' }).click();

  await page.getByRole('radio', { name: /Transferencia bancaria/ }).check();
  await page.getByRole('button', { name: 'Continuar' }).click();

  const review = page.getByRole('region', { name: 'Revisa tu pedido' });
  await expect(review).toContainText(productName);
  await expect(review).toContainText('Av. Italia 1500, Ñuñoa');
  await expect(review).toContainText('Transferencia bancaria');
  await page.getByRole('button', { name: 'Confirmar pedido' }).click();

  // The confirmation: number, instructions, and an empty cart.
  await expect(
    page.getByRole('heading', { name: '¡Gracias! Recibimos tu pedido' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/pedidos\/\d+\/confirmacion$/);
  // Order numbers read like CL-2026-7K3F-9QX2.
  const number = (await page
    .getByRole('main')
    .getByText(/^[A-Z]{2}-\d{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    .textContent())!.trim();
  await expect(page.getByRole('region', { name: 'Cómo pagar' })).toContainText(
    number,
  );
  await expect(
    header.getByRole('button', { name: 'Carro: 0 productos' }),
  ).toBeVisible();

  // The history lists it; its page shows the line and the timeline.
  await page.goto('/pedidos');
  const orders = page.getByRole('table', { name: 'Tus pedidos' });
  const row = orders.getByRole('row', { name: new RegExp(number) });
  await expect(row).toContainText('Pendiente');
  await expect(row).toContainText('Pago pendiente');
  await row.getByRole('link', { name: number }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Pedido ${number}` }),
  ).toBeVisible();
  await expect(page.getByRole('table').first()).toContainText(productName);
  await expect(page.getByRole('region', { name: 'Seguimiento' })).toContainText(
    'Pedido creado: Pendiente',
  );

  expect(consoleErrors, 'errors in the browser console').toEqual([]);
});
