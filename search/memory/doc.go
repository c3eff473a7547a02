// Package memory is the embedded search engine, the store's default: an
// inverted index held in memory, built from the search package's Spanish
// analysis, scored with BM25F over name, brand, category, description and
// attributes, with typo tolerance, prefix completion, synonyms and facets.
//
// It keeps nothing on disk: the server fills it from the database at start
// and keeps it in step with search.Syncer. docs/decisions/0003 says why it
// was chosen over Bleve, with the measurements.
package memory
