package rest

import (
	"net/http"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// categoryJSON is one node of the category tree.
type categoryJSON struct {
	ID           commerce.CategoryID `json:"id"`
	Name         string              `json:"name"`
	Slug         string              `json:"slug"`
	Description  string              `json:"description"`
	ImageURL     string              `json:"image_url"`
	SortOrder    int                 `json:"sort_order"`
	ProductCount int                 `json:"product_count"`
	Children     []categoryJSON      `json:"children"`
}

// categories serves GET /categories: the tree with product counts. Shoppers
// get the directory's snapshot; staff, who see hidden categories too, get
// the store's current tree.
func (h *Handler) categories(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if _, err := readParams(r.URL.RawQuery, nil); err != nil {
		h.writeError(w, r, err)
		return
	}
	var tree []*catalog.CategoryNode
	if p := PrincipalFrom(ctx); p.Can(commerce.PermCatalogWrite) {
		t, err := h.catalog.CategoryTree(ctx, p)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		tree = t
	} else {
		snap, err := h.dir.get(ctx)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		tree = snap.tree
	}
	h.writeCached(w, r, struct {
		Data []categoryJSON `json:"data"`
	}{nodes(tree)})
}

func nodes(ns []*catalog.CategoryNode) []categoryJSON {
	out := make([]categoryJSON, len(ns))
	for i, n := range ns {
		out[i] = categoryJSON{ID: n.ID, Name: n.Name, Slug: n.Slug,
			Description: n.Description, ImageURL: n.ImageURL, SortOrder: n.SortOrder,
			ProductCount: n.ProductCount, Children: nodes(n.Children)}
	}
	return out
}
