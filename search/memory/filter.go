package memory

import (
	"cmp"
	"slices"

	"github.com/ecommerce-moderno/moderno/search"
)

// filter returns the test a document must pass.
func (s *segment) filter(f search.Filter) func(*entry) bool {
	cat := int32(-1)
	if f.CategoryID != 0 {
		n, ok := s.catNum[f.CategoryID]
		if !ok {
			return func(*entry) bool { return false }
		}
		cat = n
	}
	brands := map[int32]bool{}
	for _, b := range f.BrandIDs {
		if n, ok := s.brandNum[b]; ok {
			brands[n] = true
		}
	}
	attrs := make([]string, len(f.Attributes))
	for i, a := range f.Attributes {
		attrs[i] = attrKey(a.Name, a.Value)
	}
	return func(e *entry) bool {
		return (cat < 0 || slices.Contains(e.cats, cat)) &&
			(len(f.BrandIDs) == 0 || brands[e.brand]) &&
			(f.PriceMin == 0 || e.price >= f.PriceMin) &&
			(f.PriceMax == 0 || e.price <= f.PriceMax) &&
			(!f.InStock || e.doc.Available > 0) &&
			hasAll(e.attrs, attrs)
	}
}

func hasAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// less returns the order of a sort; every order ends on the product id.
func (s *segment) less(order search.Sort) func(a, b hit) int {
	byID := func(a, b hit) int { return cmp.Compare(s.docs[a.slot].doc.ID, s.docs[b.slot].doc.ID) }
	var first func(a, b *entry) int
	switch order {
	case search.SortPriceAsc:
		first = func(a, b *entry) int { return cmp.Compare(a.price, b.price) }
	case search.SortPriceDesc:
		first = func(a, b *entry) int { return cmp.Compare(b.price, a.price) }
	case search.SortNewest:
		first = func(a, b *entry) int { return b.doc.CreatedAt.Compare(a.doc.CreatedAt) }
	case search.SortRating:
		first = func(a, b *entry) int { return cmp.Compare(b.doc.Rating, a.doc.Rating) }
	default:
		return func(a, b hit) int {
			return cmp.Or(cmp.Compare(b.score, a.score), byID(a, b))
		}
	}
	return func(a, b hit) int {
		return cmp.Or(first(&s.docs[a.slot], &s.docs[b.slot]), byID(a, b))
	}
}

// top returns the first k hits in order, sorting only as much as needed.
func (s *segment) top(hits []hit, less func(a, b hit) int, k int) []hit {
	if len(hits) <= 4*k {
		slices.SortFunc(hits, less)
		return hits[:min(k, len(hits))]
	}
	h := make([]hit, 0, k+1) // a heap with the worst kept hit on top
	for _, x := range hits {
		if len(h) == k && less(x, h[0]) >= 0 {
			continue
		}
		if len(h) == k {
			h[0] = x
			down(h, less)
		} else {
			h = append(h, x)
			up(h, less)
		}
	}
	slices.SortFunc(h, less)
	return h
}

func up(h []hit, less func(a, b hit) int) {
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if less(h[i], h[p]) <= 0 {
			return
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func down(h []hit, less func(a, b hit) int) {
	for i := 0; ; {
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && less(h[l], h[w]) > 0 {
			w = l
		}
		if r < len(h) && less(h[r], h[w]) > 0 {
			w = r
		}
		if w == i {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}
