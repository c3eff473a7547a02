package search

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Reindex rebuilds the index from the catalog: every active product, read
// in pages, goes into a new index that replaces the current one at once.
// Searches keep being answered meanwhile, and events the syncer handles
// during the rebuild still reach the new index.
func (s *Syncer) Reindex(ctx context.Context, rb Rebuilder) error {
	s.loader.Forget()
	load := func(ctx context.Context, ids []commerce.ProductID,
		emit func(...Document) error) error {
		ps, err := s.loader.Products(ctx, ids)
		if err != nil {
			return err
		}
		docs, err := s.loader.Documents(ctx, ps)
		if err != nil {
			return err
		}
		return emit(docs...)
	}
	fill := func(ctx context.Context, emit func(...Document) error) error {
		q := catalog.ProductQuery{Limit: catalog.MaxPageSize}
		return s.eachPage(ctx, q, func(page []catalog.Product) error {
			return load(ctx, ids(page), emit)
		})
	}
	lister, byKey := s.cat.(ActiveProductIDer)
	if _, ok := s.cat.(ProductsByIDer); ok && byKey {
		fill = func(ctx context.Context, emit func(...Document) error) error {
			var after commerce.ProductID
			for {
				page, err := lister.ActiveProductIDs(ctx, after, s.cfg.Batch)
				if err != nil {
					return fmt.Errorf("list product ids: %w", err)
				}
				if len(page) > 0 {
					if err := load(ctx, page, emit); err != nil {
						return err
					}
					after = page[len(page)-1]
				}
				if len(page) < s.cfg.Batch {
					return nil
				}
			}
		}
	}
	if err := rb.Rebuild(ctx, fill); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	return nil
}
