package search

import (
	"context"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Searcher answers searches. Search returns an error of kind
// commerce.KindInvalid for a query Normalize refuses, and of kind
// commerce.KindUnavailable when the engine cannot be reached.
type Searcher interface {
	Search(ctx context.Context, q Query) (Result, error)
}

// Suggester completes what a shopper is typing into product names and
// categories, best first, at most limit of them.
type Suggester interface {
	Suggest(ctx context.Context, prefix string, limit int) ([]Suggestion, error)
}

// Indexer writes documents into an index. Index adds or replaces documents
// by id; Delete removes them, and deleting a missing one is no error. Both
// are idempotent, so an event delivered twice does no harm.
type Indexer interface {
	Index(ctx context.Context, docs ...Document) error
	Delete(ctx context.Context, ids ...commerce.ProductID) error
}

// Rebuilder builds a whole new index from every document fill emits and
// then puts it in place of the current one at once; searches keep being
// answered by the current index meanwhile. Writes that arrive while it
// builds must not be lost.
type Rebuilder interface {
	Rebuild(ctx context.Context, fill Fill) error
}

// Fill writes every document of a rebuilt index through emit.
type Fill func(ctx context.Context, emit func(...Document) error) error
