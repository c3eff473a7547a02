package memory

import (
	"cmp"
	"slices"
	"sync"

	"github.com/ecommerce-moderno/moderno/search"
)

// maxBrands is how many brands the brand facet lists.
const maxBrands = 20

// facets counts hits by category (each counted in every category of its
// path), brand and price range.
func (s *segment) facets(hits []hit) search.Facets {
	fc := countsPool.Get().(*facetCounts)
	defer countsPool.Put(fc)
	fc.cats, fc.brands, fc.bands = zeros(fc.cats, len(s.cats)), zeros(fc.brands, len(s.brands)),
		zeros(fc.bands, len(s.ranges))
	cats, brands, bands := fc.cats, fc.brands, fc.bands
	for _, h := range hits {
		e := &s.docs[h.slot]
		for _, c := range e.cats {
			cats[c]++
		}
		if e.brand >= 0 {
			brands[e.brand]++
		}
		if e.band >= 0 {
			bands[e.band]++
		}
	}
	return search.Facets{Categories: s.categoryCounts(cats), Brands: s.brandCounts(brands),
		Prices: priceCounts(s.ranges, bands)}
}

// facetCounts are the counters of one facets call, kept in countsPool
// between searches: the brand counters alone are thousands.
type facetCounts struct{ cats, brands, bands []int }

var countsPool = sync.Pool{New: func() any { return new(facetCounts) }}

// zeros returns n zeroed counters, reusing xs when it is big enough.
func zeros(xs []int, n int) []int {
	if cap(xs) < n {
		return make([]int, n)
	}
	xs = xs[:n]
	clear(xs)
	return xs
}

func (s *segment) categoryCounts(counts []int) []search.CategoryCount {
	var out []search.CategoryCount
	for i, n := range counts {
		if n > 0 {
			c := s.cats[i]
			out = append(out, search.CategoryCount{ID: c.id, ParentID: c.parent, Name: c.name,
				Count: n})
		}
	}
	slices.SortFunc(out, func(a, b search.CategoryCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.ID, b.ID))
	})
	return out
}

func (s *segment) brandCounts(counts []int) []search.BrandCount {
	var out []search.BrandCount
	for i, n := range counts {
		if n > 0 {
			b := s.brands[i]
			b.Count = n
			out = append(out, b)
		}
	}
	slices.SortFunc(out, func(a, b search.BrandCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return out[:min(len(out), maxBrands)]
}

func priceCounts(ranges []search.PriceRange, counts []int) []search.PriceCount {
	var out []search.PriceCount
	for i, n := range counts {
		if n > 0 {
			out = append(out, search.PriceCount{PriceRange: ranges[i], Count: n})
		}
	}
	return out
}
