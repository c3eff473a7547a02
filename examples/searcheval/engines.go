package main

import (
	"context"
	"errors"

	"github.com/ecommerce-moderno/moderno/search"
)

func openElasticsearch(ctx context.Context, url string, syn *search.Synonyms) (engine, func(), error) {
	return nil, nil, errors.New("elasticsearch: not yet")
}
