import type { OrderAddress } from '@/types/shop';

export type AddressErrors = Partial<Record<keyof OrderAddress, string>>;

/** What the shopper must fill in before going on, in Spanish. */
export function checkAddress(a: OrderAddress): AddressErrors {
  const bad: AddressErrors = {};
  if (!a.name?.trim()) bad.name = 'Indica quién recibe el pedido';
  if (!a.street.trim()) bad.street = 'Indica la calle y el número';
  if (!a.city.trim()) bad.city = 'Indica la comuna';
  if (!a.region) bad.region = 'Elige una región';
  if (a.phone && !/^[+\d][\d\s-]{6,}$/.test(a.phone.trim()))
    bad.phone = 'Escribe un teléfono válido, como +56 9 1234 5678';
  return bad;
}
