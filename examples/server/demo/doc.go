// Package demo fills an empty store with a demo catalog: about 68,600 real
// products from two open data sets shipped, compressed, inside the package
// (see data/ATTRIBUTION.md). Best Buy's 2016 sample brings English
// electronics in US dollars; Precios Claros brings an Argentine supermarket
// catalog of April 2020 in pesos. Import maps both into a Spanish category
// tree, converts prices to Chilean pesos at fixed rates, gives every product
// a deterministic demo stock and marks a few as featured.
//
// The import goes through catalog.Service and inventory.Service as
// commerce.System, so it obeys the same rules as any other write, and it is
// idempotent: products are keyed by SKU, a prefix per source ("BBY-43900",
// "PCA-7790742033002"), and a second run updates what the first created.
package demo
