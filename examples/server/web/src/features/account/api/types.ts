/** A delivery address, in Chilean terms: a commune within a region. */
export interface Address {
  id: number;
  label?: string;
  recipient: string;
  phone?: string;
  street: string;
  details?: string;
  commune: string;
  city?: string;
  region: string;
  postal_code?: string;
  country: string;
  default: boolean;
}

/** What the address form sends. */
export type AddressInput = Omit<Address, 'id' | 'country'> & {
  country?: string;
};
