/** A first-level division of Chile, by its ISO 3166-2 code ("RM"). */
export interface Region {
  code: string;
  name: string;
}

/** The sixteen regions of Chile, north to south (pricing.ChileanRegions). */
export const chileanRegions: Region[] = [
  { code: 'AP', name: 'Arica y Parinacota' },
  { code: 'TA', name: 'Tarapacá' },
  { code: 'AN', name: 'Antofagasta' },
  { code: 'AT', name: 'Atacama' },
  { code: 'CO', name: 'Coquimbo' },
  { code: 'VS', name: 'Valparaíso' },
  { code: 'RM', name: 'Región Metropolitana de Santiago' },
  { code: 'LI', name: "Libertador General Bernardo O'Higgins" },
  { code: 'ML', name: 'Maule' },
  { code: 'NB', name: 'Ñuble' },
  { code: 'BI', name: 'Biobío' },
  { code: 'AR', name: 'La Araucanía' },
  { code: 'LR', name: 'Los Ríos' },
  { code: 'LL', name: 'Los Lagos' },
  { code: 'AI', name: 'Aysén del General Carlos Ibáñez del Campo' },
  { code: 'MA', name: 'Magallanes y de la Antártica Chilena' },
];

/** The name of a region given its code, or the code itself. */
export function regionName(code: string | undefined): string {
  if (!code) return '';
  return chileanRegions.find((r) => r.code === code)?.name ?? code;
}
