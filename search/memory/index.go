package memory

import (
	"context"
	"errors"
	"sync"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// Config tunes an Index.
type Config struct {
	// Synonyms applied to queries; none when nil.
	Synonyms *search.Synonyms
	// PriceRanges are the price facet's bands; search.DefaultPriceRanges
	// when nil.
	PriceRanges []search.PriceRange
}

// Index is the embedded engine. It is safe for concurrent use: searches run
// in parallel, writes one at a time.
type Index struct {
	syn    *search.Synonyms
	ranges []search.PriceRange

	mu      sync.RWMutex
	seg     *segment
	journal *[]change // writes during a rebuild; nil when none runs
}

// change is one write kept while a rebuild runs.
type change struct {
	docs []search.Document
	ids  []commerce.ProductID
}

// The interfaces Index implements.
var (
	_ search.Searcher  = (*Index)(nil)
	_ search.Suggester = (*Index)(nil)
	_ search.Indexer   = (*Index)(nil)
	_ search.Rebuilder = (*Index)(nil)
)

// ErrRebuilding is returned by Rebuild while another rebuild runs.
var ErrRebuilding = errors.New("memory: a rebuild is already running")

// New returns an empty index.
func New(cfg Config) *Index {
	if cfg.PriceRanges == nil {
		cfg.PriceRanges = search.DefaultPriceRanges()
	}
	return &Index{syn: cfg.Synonyms, ranges: cfg.PriceRanges, seg: newSegment(cfg.PriceRanges)}
}

// Len returns how many documents the index holds.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.seg.live
}

// Index adds documents or replaces those with the same id.
func (ix *Index) Index(_ context.Context, docs ...search.Document) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.seg.add(docs...)
	if ix.journal != nil {
		*ix.journal = append(*ix.journal, change{docs: docs})
	}
	ix.compactIfSparse()
	return nil
}

// Delete removes documents; missing ids are ignored.
func (ix *Index) Delete(_ context.Context, ids ...commerce.ProductID) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, id := range ids {
		ix.seg.remove(id)
	}
	if ix.journal != nil {
		*ix.journal = append(*ix.journal, change{ids: ids})
	}
	ix.compactIfSparse()
	return nil
}

// compactIfSparse drops dead postings once they are a quarter of the
// index, so that replaced documents cost neither memory nor time.
func (ix *Index) compactIfSparse() {
	if s := ix.seg; s.dead > 1000 && s.dead > s.live/4 {
		ix.seg = s.compacted()
	}
}

// Rebuild fills a new index off to the side and swaps it in, replaying the
// writes that arrived meanwhile. It returns ErrRebuilding while another
// rebuild runs, and fill's error, leaving the current index in place.
func (ix *Index) Rebuild(ctx context.Context, fill search.Fill) error {
	ix.mu.Lock()
	if ix.journal != nil {
		ix.mu.Unlock()
		return ErrRebuilding
	}
	journal := []change{}
	ix.journal = &journal
	ix.mu.Unlock()

	seg := newSegment(ix.ranges)
	err := fill(ctx, func(docs ...search.Document) error {
		seg.add(docs...)
		return ctx.Err()
	})

	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.journal = nil
	if err != nil {
		return err
	}
	for _, c := range journal {
		seg.add(c.docs...)
		for _, id := range c.ids {
			seg.remove(id)
		}
	}
	ix.seg = seg
	return nil
}
