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

// brandCounts returns the maxBrands brands with most hits, by name among
// equals (then by id), without sorting the hundreds a broad search counts.
func (s *segment) brandCounts(counts []int) []search.BrandCount {
	out := make([]search.BrandCount, 0, maxBrands+1)
	for i, n := range counts {
		if n == 0 {
			continue
		}
		b := s.brands[i]
		b.Count = n
		at, _ := slices.BinarySearchFunc(out, b, byHits)
		if at < maxBrands {
			out = slices.Insert(out, at, b)[:min(len(out)+1, maxBrands)]
		}
	}
	return out
}

// byHits orders brands by hits, most first, then by name and id.
func byHits(a, b search.BrandCount) int {
	return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name),
		cmp.Compare(a.ID, b.ID))
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
