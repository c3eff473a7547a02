package rest

import (
	"net/http"
	"strings"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

var brandParams = map[string]int{"search": 100, "limit": 20}

type brandJSON struct {
	ID   commerce.BrandID `json:"id"`
	Name string           `json:"name"`
	Slug string           `json:"slug"`
}

// brands serves GET /brands: brands by name, those matching search first
// filtered, at most limit of them.
func (h *Handler) brands(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r.URL.RawQuery, brandParams)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	limit := p.int("limit", 1, catalog.MaxPageSize, 50)
	words := strings.Split(catalog.Slugify(p.text("search")), "-")
	if err := p.err(); err != nil {
		h.writeError(w, r, err)
		return
	}
	snap, err := h.dir.get(r.Context())
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	out := make([]brandJSON, 0, limit)
	for _, b := range snap.brands {
		if len(out) == limit {
			break
		}
		if matchWords(b.Slug, words) {
			out = append(out, brandJSON{ID: b.ID, Name: b.Name, Slug: b.Slug})
		}
	}
	h.writeCached(w, r, struct {
		Data []brandJSON `json:"data"`
	}{out})
}

// matchWords reports whether every search word begins a word of the slug,
// so that "sere" finds "la-serenisima" and "la sere" does too. Accents and
// case are already gone from both, through Slugify.
func matchWords(slug string, words []string) bool {
	have := strings.Split(slug, "-")
	for _, w := range words {
		if w == "" {
			continue
		}
		found := false
		for _, h := range have {
			if strings.HasPrefix(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
