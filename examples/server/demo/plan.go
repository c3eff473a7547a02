package demo

import (
	"slices"
	"strings"

	"github.com/ecommerce-moderno/moderno/catalog"
)

// plan is the whole demo catalog, built in memory before anything is
// written, so that slugs, groups and featured products depend only on the
// data and come out the same on every run.
type plan struct {
	categories   []categorySpec // parents before children
	catIndex     map[string]int // path key → index in categories
	catSlugs     map[string]bool
	brands       []catalog.Brand // in order of first sighting
	brandIndex   map[string]int  // slug → index in brands
	products     []planned
	productSlugs map[string]bool
}

// categorySpec is a category to ensure, with the path it stands for.
type categorySpec struct {
	key    string // the names from the root, joined by " > "
	parent string // the parent's key; "" for a root
	cat    catalog.Category
}

// planned is a product to import with the source rows it comes from: one,
// or one per colour of a group.
type planned struct {
	product  catalog.Product
	category string // key of its category
	brand    string // slug of its brand; "" for none
	rows     []*item
}

// pathSep joins category names into a key and a readable path.
const pathSep = " > "

// newPlan plans products for the items, Best Buy colours grouped, and marks
// featuredPer products of each top-level category as featured.
func newPlan(items []item, featuredPer int) *plan {
	p := &plan{catIndex: map[string]int{}, catSlugs: map[string]bool{},
		brandIndex: map[string]int{}, productSlugs: map[string]bool{}}
	for _, group := range groupColours(items) {
		p.add(group)
	}
	p.feature(featuredPer)
	return p
}

// add plans one product from a group of rows.
func (p *plan) add(group []*item) {
	first := group[0]
	pl := planned{category: p.category(first.path), brand: p.brand(first.brand), rows: group}
	if len(group) == 1 {
		pl.product = single(first)
	} else {
		pl.product = withColours(group)
	}
	pl.product.Slug = p.productSlug(pl.product.Name, pl.product.SKU)
	p.products = append(p.products, pl)
}

// single makes the product of one row.
func single(it *item) catalog.Product {
	return catalog.Product{
		Name:             truncate(it.name, 255),
		Description:      truncate(it.desc, 65535),
		ShortDescription: truncate(it.short, 500),
		SKU:              it.sku,
		Price:            it.price,
		Weight:           it.weight,
		Active:           true,
		Attributes:       it.attrs,
	}
}

// withColours makes one product whose variants are the group's colours. The
// product has a SKU of its own, made from its first row's; each variant
// keeps its row's SKU, price and barcode.
func withColours(group []*item) catalog.Product {
	first := group[0]
	prod := single(first)
	prod.Name = truncate(first.stem, 255)
	prod.SKU = first.src.prefix + "G-" + strings.TrimPrefix(first.sku, first.src.prefix)
	var models []string
	for _, it := range group {
		price := it.price
		prod.Variants = append(prod.Variants, catalog.Variant{
			Name: truncate(it.colour, 255), SKU: it.sku, Price: &price, Barcode: it.code,
			Options: []catalog.Option{{Name: "color", Value: truncate(it.colour, 100)}},
			Active:  true,
		})
		if it.price.Cmp(prod.Price) < 0 {
			prod.Price = it.price
		}
		models = append(models, attrValue(it.attrs, "modelo"))
	}
	prod.Attributes = attributes("modelo", strings.Join(models, ", "),
		"tipo", attrValue(first.attrs, "tipo"))
	prod.ShortDescription = shortLine("Marca "+first.brand, "Colores: "+itoa(len(group)))
	return prod
}

// attrValue returns the value of the named attribute, or "".
func attrValue(attrs []catalog.Attribute, name string) string {
	for _, a := range attrs {
		if a.Name == name {
			return a.Value
		}
	}
	return ""
}

// groupColours returns the items in order, each alone or, for Best Buy
// goods that differ only in a trailing colour, with the other colours of the
// same product: same name stem, brand, type and category, every colour
// different. Anything less certain stays a product of its own.
func groupColours(items []item) [][]*item {
	byKey := map[string][]*item{}
	for i := range items {
		if k := colourKey(&items[i]); k != "" {
			byKey[k] = append(byKey[k], &items[i])
		}
	}
	var out [][]*item
	for i := range items {
		it := &items[i]
		g := byKey[colourKey(it)]
		switch {
		case len(g) < 2 || !distinctColours(g):
			out = append(out, []*item{it})
		case g[0] == it:
			out = append(out, g)
		}
	}
	return out
}

// colourKey is what colours of one product share; "" when the item cannot
// be grouped. Games and software are left alone: their last segment is a
// platform, not a colour.
func colourKey(it *item) string {
	if it.stem == "" || it.kind != "HardGood" {
		return ""
	}
	return strings.Join([]string{it.src.name, it.stem, it.brand,
		strings.Join(it.path, pathSep)}, "\x00")
}

// distinctColours reports whether no colour repeats in the group; when one
// does, the rows differ in something the name does not say.
func distinctColours(g []*item) bool {
	seen := map[string]bool{}
	for _, it := range g {
		c := strings.ToLower(it.colour)
		if seen[c] {
			return false
		}
		seen[c] = true
	}
	return true
}

// category plans the categories of a path and returns the key of its last.
func (p *plan) category(path []string) string {
	parent := ""
	for i, name := range path {
		key := strings.Join(path[:i+1], pathSep)
		if _, ok := p.catIndex[key]; !ok {
			p.catIndex[key] = len(p.categories)
			p.categories = append(p.categories, categorySpec{key: key, parent: parent,
				cat: catalog.Category{Name: truncate(name, 255), Active: true,
					Slug: p.categorySlug(name, parent), SortOrder: sortOrder(path[:i+1])}})
		}
		parent = key
	}
	return parent
}

// categorySlug returns the name's slug, or, when another category took it,
// the slug prefixed with the parent's ("audio-accesorios").
func (p *plan) categorySlug(name, parent string) string {
	slug := catalog.Slugify(name)
	if p.catSlugs[slug] && parent != "" {
		slug = catalog.Slugify(p.categories[p.catIndex[parent]].cat.Slug + " " + name)
	}
	slug = uniqueSlug(truncate(slug, 200), p.catSlugs)
	p.catSlugs[slug] = true
	return slug
}

// productSlug returns the name's slug, or, when another product took it, the
// slug followed by the SKU's, which no other product has.
func (p *plan) productSlug(name, sku string) string {
	slug := truncate(catalog.Slugify(name), 200)
	if slug == "" || p.productSlugs[slug] {
		slug = strings.Trim(slug+"-"+catalog.Slugify(sku), "-")
	}
	slug = uniqueSlug(slug, p.productSlugs)
	p.productSlugs[slug] = true
	return slug
}

// uniqueSlug adds "-2", "-3", ... to a slug already taken.
func uniqueSlug(slug string, taken map[string]bool) string {
	slug = strings.Trim(slug, "-")
	for n := 2; taken[slug]; n++ {
		slug = strings.Trim(slug, "-") + "-" + itoa(n)
	}
	return slug
}

// sortOrder places the supermarket first, the Best Buy departments after it
// in departmentOrder, and the supermarket's aisles in shelf order. Other
// categories sort by name.
func sortOrder(path []string) int {
	switch {
	case len(path) == 1 && path[0] == Supermarket:
		return 1
	case len(path) == 1:
		if i := slices.Index(departmentOrder, path[0]); i >= 0 {
			return 10 + i
		}
		return 100
	case len(path) == 2 && path[0] == Supermarket:
		return 1 + slices.Index(aisles, path[1])
	}
	return 0
}

// brand plans the brand of the name and returns its slug; "" for none.
func (p *plan) brand(name string) string {
	slug := catalog.Slugify(name)
	if slug == "" || len(slug) > 255 {
		return ""
	}
	if _, ok := p.brandIndex[slug]; !ok {
		p.brandIndex[slug] = len(p.brands)
		p.brands = append(p.brands, catalog.Brand{Name: truncate(name, 255), Slug: slug})
	}
	return slug
}

// feature marks, in each top-level category, the n products with the lowest
// featureRank among those with a brand, stock, and a shelf better than the
// default aisle.
func (p *plan) feature(n int) {
	byRoot := map[string][]*planned{}
	for i := range p.products {
		pl := &p.products[i]
		if pl.brand == "" || !inStock(pl) || strings.HasSuffix(pl.category, pathSep+DefaultAisle) {
			continue
		}
		byRoot[root(pl.category)] = append(byRoot[root(pl.category)], pl)
	}
	for _, cands := range byRoot {
		slices.SortFunc(cands, func(a, b *planned) int {
			return compareRank(featureRank(a.product.SKU), featureRank(b.product.SKU),
				a.product.SKU, b.product.SKU)
		})
		for _, pl := range cands[:min(n, len(cands))] {
			pl.product.Featured = true
		}
	}
}

// compareRank orders by rank, then by SKU so that ties cannot reorder.
func compareRank(ra, rb uint64, a, b string) int {
	switch {
	case ra < rb:
		return -1
	case ra > rb:
		return 1
	}
	return strings.Compare(a, b)
}

// inStock reports whether the product, or one of its variants, gets demo
// stock.
func inStock(pl *planned) bool {
	for _, it := range pl.rows {
		if demoStock(it.sku).Quantity > 0 {
			return true
		}
	}
	return false
}

// root returns the top-level category name of a path key.
func root(key string) string {
	r, _, _ := strings.Cut(key, pathSep)
	return r
}

// bind sets each planned product's category and brand ids from the ensured
// categories and brands.
func (p *plan) bind() {
	for i := range p.products {
		pl := &p.products[i]
		pl.product.CategoryID = p.categories[p.catIndex[pl.category]].cat.ID
		pl.product.BrandID = 0
		if pl.brand != "" {
			pl.product.BrandID = p.brands[p.brandIndex[pl.brand]].ID
		}
	}
}
