// Package search finds products the way shoppers type: in Spanish or English,
// without accents, in plural or singular, with typos and with words of their
// own ("celular" for "smartphone").
//
// It holds what every engine shares: the Document built from a catalog
// product, the Query and Result, the Spanish analysis (lower case, accent
// folding, stop words, Snowball stemming), synonyms from configuration, the
// query plan engines execute, and the Syncer that keeps an index in step
// with catalog and inventory events. Engines live in their own packages:
// search/memory, the embedded default, and search/elasticsearch. The
// search/searchtest suite checks every engine against one contract.
package search
