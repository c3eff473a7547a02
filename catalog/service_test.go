package catalog_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

var (
	ctx     = context.Background()
	manager = commerce.User(7, commerce.RoleManager)
)

func clp(n int64) commerce.Money { return commerce.FromMinor(n, commerce.CLP) }

func ptr[T any](v T) *T { return &v }

// newService returns a service over a fake store holding one category,
// "Lácteos", under "Supermercado", and one brand.
func newService(t *testing.T) (*catalog.Service, *fakeStore, *commerce.Bus) {
	t.Helper()
	store := newFakeStore()
	bus := &commerce.Bus{}
	s := catalog.NewService(store, catalog.Config{Events: bus})
	root := catalog.Category{Name: "Supermercado", Active: true}
	if err := s.CreateCategory(ctx, commerce.System, &root); err != nil {
		t.Fatal(err)
	}
	child := catalog.Category{Name: "Lácteos", ParentID: root.ID, Active: true}
	if err := s.CreateCategory(ctx, commerce.System, &child); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateBrand(ctx, commerce.System, &catalog.Brand{Name: "Colun"}); err != nil {
		t.Fatal(err)
	}
	return s, store, bus
}

func validProduct() catalog.Product {
	return catalog.Product{Name: "Leche Entera 1 L", SKU: "LECHE-1", Price: clp(1290),
		CategoryID: 2, BrandID: 1, Active: true}
}

func TestCreateProductChecksPermission(t *testing.T) {
	s, _, _ := newService(t)
	tests := []struct {
		name string
		p    commerce.Principal
		want commerce.Kind
	}{
		{"anonymous", commerce.Anonymous, commerce.KindUnauthenticated},
		{"customer", commerce.User(1, commerce.RoleCustomer), commerce.KindForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProduct()
			err := s.CreateProduct(ctx, tt.p, &p)
			if commerce.ErrorKind(err) != tt.want {
				t.Errorf("CreateProduct as %s = %v; want %v", tt.name, err, tt.want)
			}
		})
	}
	p := validProduct()
	if err := s.CreateProduct(ctx, manager, &p); err != nil {
		t.Fatalf("CreateProduct as manager = %v", err)
	}
	if p.Slug != "leche-entera-1-l" {
		t.Errorf("slug = %q; want leche-entera-1-l", p.Slug)
	}
}

func TestCreateProductValidates(t *testing.T) {
	s, _, _ := newService(t)
	usd := commerce.FromMinor(1999, commerce.USD)
	tests := []struct {
		field  string
		mutate func(p *catalog.Product)
	}{
		{"name", func(p *catalog.Product) { p.Name = "" }},
		{"sku", func(p *catalog.Product) { p.SKU = "" }},
		{"price", func(p *catalog.Product) { p.Price = clp(-1) }},
		{"price", func(p *catalog.Product) { p.Price = usd }},
		{"price", func(p *catalog.Product) {
			p.Price = commerce.NewMoney(decimal.RequireFromString("10.5"), commerce.CLP)
		}},
		{"compare_price", func(p *catalog.Product) { p.ComparePrice = ptr(clp(-5)) }},
		{"category_id", func(p *catalog.Product) { p.CategoryID = 0 }},
		{"category_id", func(p *catalog.Product) { p.CategoryID = 99 }},
		{"brand_id", func(p *catalog.Product) { p.BrandID = 42 }},
		{"slug", func(p *catalog.Product) { p.Slug = "Not A Slug" }},
		{"weight", func(p *catalog.Product) { p.Weight = ptr(decimal.NewFromInt(-1)) }},
		{"weight", func(p *catalog.Product) { p.Weight = ptr(decimal.NewFromInt(10_000_000)) }},
		{"description", func(p *catalog.Product) { p.Description = strings.Repeat("é", 40000) }},
		{"images[0].alt", func(p *catalog.Product) {
			p.Images = []catalog.Image{{URL: "https://x.cl/a.png", Alt: strings.Repeat("a", 256)}}
		}},
		{"variants[0].weight", func(p *catalog.Product) {
			p.Variants = []catalog.Variant{{Name: "M", SKU: "V",
				Weight: ptr(decimal.New(1, 30))}}
		}},
		{"name", func(p *catalog.Product) { p.Name = "\xff\xfe" }},
		{"variants[1].sku", func(p *catalog.Product) {
			p.Variants = []catalog.Variant{{Name: "M", SKU: "V"}, {Name: "L", SKU: "V"}}
		}},
		{"variants[1].sku", func(p *catalog.Product) {
			p.Variants = []catalog.Variant{{Name: "M", SKU: "V-m"}, {Name: "L", SKU: "v-M"}}
		}},
		{"sku", func(p *catalog.Product) { p.SKU = " " }},
		{"sku", func(p *catalog.Product) { p.SKU = "AB\x00C" }},
		{"sku", func(p *catalog.Product) { p.SKU = "AB\u200bC" }},
		{"sku", func(p *catalog.Product) { p.SKU = " AB-1" }},
		{"variants[0].sku", func(p *catalog.Product) {
			p.Variants = []catalog.Variant{{Name: "M", SKU: "\u202e"}}
		}},
		{"name", func(p *catalog.Product) { p.Name = "   " }},
		{"name", func(p *catalog.Product) { p.Name = "Leche\x07" }},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			p := validProduct()
			tt.mutate(&p)
			err := s.CreateProduct(ctx, manager, &p)
			if commerce.ErrorKind(err) != commerce.KindInvalid {
				t.Fatalf("CreateProduct = %v; want invalid", err)
			}
			found := false
			for _, f := range commerce.ErrorFields(err) {
				found = found || f.Field == tt.field
			}
			if !found {
				t.Errorf("fields = %v; want one named %q", commerce.ErrorFields(err), tt.field)
			}
		})
	}
}

func TestCreateProductPublishes(t *testing.T) {
	s, _, bus := newService(t)
	var got []commerce.Event
	bus.Subscribe(catalog.EventProductCreated, func(_ context.Context, e commerce.Event) error {
		got = append(got, e)
		return nil
	})
	p := validProduct()
	if err := s.CreateProduct(ctx, manager, &p); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Key != "product:1" {
		t.Errorf("events = %+v; want one for product:1", got)
	}
}

func TestListProductsQuery(t *testing.T) {
	s, store, _ := newService(t)
	_, err := s.ListProducts(ctx, commerce.Anonymous, catalog.ListFilter{
		Category: "lacteos", Brand: "1", Page: 3, Limit: 10, Sort: catalog.SortPriceAsc,
	})
	if err != nil {
		t.Fatal(err)
	}
	q := store.lastQuery
	if q.CategoryID != 2 || q.BrandID != 1 || q.Offset != 20 || q.Limit != 10 {
		t.Errorf("query = %+v; want category 2, brand 1, offset 20, limit 10", q)
	}

	bad := []struct {
		field string
		f     catalog.ListFilter
	}{
		{"page", catalog.ListFilter{Page: -1}},
		{"limit", catalog.ListFilter{Limit: 101}},
		{"sort", catalog.ListFilter{Sort: "cheapest"}},
		{"price_min", catalog.ListFilter{PriceMin: ptr(decimal.NewFromInt(-1))}},
		{"price_max", catalog.ListFilter{PriceMin: ptr(decimal.NewFromInt(10)),
			PriceMax: ptr(decimal.NewFromInt(5))}},
		{"include_inactive", catalog.ListFilter{IncludeInactive: true}},
	}
	for _, tt := range bad {
		t.Run(tt.field, func(t *testing.T) {
			_, err := s.ListProducts(ctx, commerce.Anonymous, tt.f)
			fields := commerce.ErrorFields(err)
			if commerce.ErrorKind(err) != commerce.KindInvalid || len(fields) == 0 ||
				fields[0].Field != tt.field {
				t.Errorf("ListProducts(%+v) = %v; want invalid %s", tt.f, err, tt.field)
			}
		})
	}

	_, err = s.ListProducts(ctx, commerce.Anonymous, catalog.ListFilter{Category: "nope"})
	if commerce.ErrorKind(err) != commerce.KindNotFound {
		t.Errorf("unknown category = %v; want not found", err)
	}
}

func TestInactiveProductHiddenFromShoppers(t *testing.T) {
	s, _, _ := newService(t)
	p := validProduct()
	p.Active = false
	if err := s.CreateProduct(ctx, manager, &p); err != nil {
		t.Fatal(err)
	}
	_, err := s.Product(ctx, commerce.Anonymous, p.Slug)
	if commerce.ErrorKind(err) != commerce.KindNotFound {
		t.Errorf("Product(inactive) as shopper = %v; want not found", err)
	}
	if _, err := s.Product(ctx, manager, "1"); err != nil {
		t.Errorf("Product(inactive) as manager = %v; want it", err)
	}
}

func TestCategoryTree(t *testing.T) {
	s, _, _ := newService(t)
	for i, cat := range []commerce.CategoryID{2, 2, 1} {
		p := validProduct()
		p.SKU, p.Slug, p.CategoryID = "S"+string(rune('a'+i)), "", cat
		p.Name = "Producto " + string(rune('A'+i))
		if err := s.CreateProduct(ctx, manager, &p); err != nil {
			t.Fatal(err)
		}
	}
	tree, err := s.CategoryTree(ctx, commerce.Anonymous)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree) != 1 || tree[0].ProductCount != 3 || len(tree[0].Children) != 1 ||
		tree[0].Children[0].ProductCount != 2 {
		t.Errorf("tree = %+v; want Supermercado(3) > Lácteos(2)", tree)
	}
}

func TestCategoryCannotMoveBelowItself(t *testing.T) {
	s, store, _ := newService(t)
	root := store.categories[1]
	root.ParentID = 2 // Lácteos is root's child
	err := s.UpdateCategory(ctx, manager, &root)
	if commerce.ErrorKind(err) != commerce.KindInvalid {
		t.Errorf("UpdateCategory(cycle) = %v; want invalid", err)
	}
}

func TestCategorySortOrderFitsTheSchema(t *testing.T) {
	s, _, _ := newService(t)
	for _, n := range []int{math.MaxInt32 + 1, math.MinInt32 - 1} {
		c := catalog.Category{Name: "Lejana", SortOrder: n}
		err := s.CreateCategory(ctx, manager, &c)
		if commerce.ErrorKind(err) != commerce.KindInvalid ||
			len(commerce.ErrorFields(err)) != 1 ||
			commerce.ErrorFields(err)[0].Field != "sort_order" {
			t.Errorf("CreateCategory(sort_order %d) = %v; want invalid sort_order", n, err)
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := map[string]string{
		"Camión Rojo":            "camion-rojo",
		"  Leche -- Entera 1L! ": "leche-entera-1l",
		"Ñandú & Cía.":           "nandu-cia",
		"Apple - iPhone® 6s":     "apple-iphone-6s",
		"!!!":                    "",
	}
	for in, want := range tests {
		if got := catalog.Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q; want %q", in, got, want)
		}
	}
}
