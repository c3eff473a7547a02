package search

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/catalog"
)

// Reindex rebuilds the index from the catalog: every active product, read
// in pages, goes into a new index that replaces the current one at once.
// Searches keep being answered meanwhile, and events the syncer handles
// during the rebuild still reach the new index.
func (s *Syncer) Reindex(ctx context.Context, rb Rebuilder) error {
	s.loader.Forget()
	fill := func(ctx context.Context, emit func(...Document) error) error {
		q := catalog.ProductQuery{Limit: catalog.MaxPageSize}
		return s.eachPage(ctx, q, func(page []catalog.Product) error {
			ps, err := s.loader.Products(ctx, ids(page))
			if err != nil {
				return err
			}
			docs, err := s.loader.Documents(ctx, ps)
			if err != nil {
				return err
			}
			return emit(docs...)
		})
	}
	if err := rb.Rebuild(ctx, fill); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	return nil
}
