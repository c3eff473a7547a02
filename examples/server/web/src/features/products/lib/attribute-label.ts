const acronyms = new Set(['upc', 'ean', 'sku', 'gtin', 'isbn']);

/** How an attribute's name reads in the table: "modelo" → "Modelo". */
export function attributeLabel(name: string): string {
  if (acronyms.has(name.toLowerCase())) return name.toUpperCase();
  return name.charAt(0).toLocaleUpperCase('es-CL') + name.slice(1);
}
