package main

import (
	"context"

	"github.com/ecommerce-moderno/moderno/search"
	"github.com/ecommerce-moderno/moderno/search/elasticsearch"
)

// openElasticsearch returns an engine on a fresh alias of the server at
// url, removed when done. Writes do not wait for refreshes; the catalog is
// refreshed once before the measurements.
func openElasticsearch(ctx context.Context, url string, syn *search.Synonyms) (engine, func(),
	error) {
	e, err := elasticsearch.New(elasticsearch.Config{Addresses: []string{url},
		Alias: "searcheval", Synonyms: syn})
	if err != nil {
		return nil, nil, err
	}
	return e, func() { _ = e.Drop(context.Background()) }, nil
}
