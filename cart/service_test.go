package cart_test

import (
	"bytes"
	"context"
	"encoding/json"
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/cart/carttest"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

var ctx = context.Background()

func clp(n int64) commerce.Money { return commerce.FromMinor(n, commerce.CLP) }

// fakeCatalog holds products by id, with Available set by hand.
type fakeCatalog struct {
	mu       sync.Mutex
	products map[commerce.ProductID]catalog.Product
}

func (f *fakeCatalog) Product(_ context.Context, id commerce.ProductID) (catalog.Product, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.products[id]
	if !ok {
		return p, commerce.NotFound("fake.product", "producto")
	}
	return p, nil
}

func (f *fakeCatalog) set(p catalog.Product) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.products[p.ID] = p
}

func newService(t *testing.T, merge cart.MergeStrategy) (*cart.Service, *fakeCatalog) {
	t.Helper()
	cat := &fakeCatalog{products: map[commerce.ProductID]catalog.Product{
		1: {ID: 1, Name: "Té verde", SKU: "TE", Price: clp(2990), Active: true, Available: 10},
		2: {ID: 2, Name: "Polera", SKU: "POL", Price: clp(9990), Active: true, Available: 5,
			Variants: []catalog.Variant{{ID: 20, Name: "M", SKU: "POL-M", Active: true,
				Available: 5}}},
		3: {ID: 3, Name: "Descontinuado", SKU: "OLD", Price: clp(100), Active: false},
	}}
	s := cart.NewService(carttest.NewMemory(), cart.Config{Catalog: cat, Merge: merge,
		MaxQuantity: 20, Random: bytes.NewReader(bytes.Repeat([]byte{1, 2, 3}, 1000))})
	return s, cat
}

var ana = commerce.User(42, commerce.RoleCustomer)

func TestAddItemRules(t *testing.T) {
	s, _ := newService(t, nil)
	tests := []struct {
		name    string
		product commerce.ProductID
		variant commerce.VariantID
		qty     int
		kind    commerce.Kind
		field   string
	}{
		{"zero", 1, 0, 0, commerce.KindInvalid, "quantity"},
		{"negative", 1, 0, -1, commerce.KindInvalid, "quantity"},
		{"a billion", 1, 0, 1_000_000_000, commerce.KindInvalid, "quantity"},
		{"missing product", 99, 0, 1, commerce.KindInvalid, "product_id"},
		{"inactive product", 3, 0, 1, commerce.KindInvalid, "product_id"},
		{"unknown variant", 2, 99, 1, commerce.KindInvalid, "variant_id"},
		{"variant needed", 2, 0, 1, commerce.KindInvalid, "variant_id"},
		{"beyond stock", 1, 0, 11, commerce.KindOutOfStock, "quantity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.AddItem(ctx, ana, "", tt.product, tt.variant, tt.qty)
			f := commerce.ErrorFields(err)
			if commerce.ErrorKind(err) != tt.kind || len(f) != 1 || f[0].Field != tt.field {
				t.Errorf("AddItem = %v; want %v naming %s", err, tt.kind, tt.field)
			}
		})
	}
}

func TestCustomerCart(t *testing.T) {
	s, cat := newService(t, nil)
	v, err := s.AddItem(ctx, ana, "", 1, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	if v.Token != "" || len(v.Items) != 1 || v.Quote.Subtotal.Minor() != 5980 {
		t.Fatalf("view = %+v; want one item, 5980, no token", v)
	}
	v, err = s.AddItem(ctx, ana, "", 1, 0, 3)
	if err != nil || len(v.Items) != 1 || v.Items[0].Quantity != 5 {
		t.Fatalf("adding again = %+v, %v; want one item of 5", v.Items, err)
	}
	if _, err := s.AddItem(ctx, ana, "", 2, 20, 1); err != nil {
		t.Fatal(err)
	}

	// The price goes up: the cart says so and totals follow the catalog.
	te, _ := cat.Product(ctx, 1)
	te.Price = clp(3490)
	cat.set(te)
	v, err = s.Cart(ctx, ana, "any token is ignored")
	if err != nil {
		t.Fatal(err)
	}
	if !v.Items[0].PriceChanged || v.Items[0].UnitPrice.Minor() != 2990 ||
		v.Items[0].Price.Minor() != 3490 || v.Items[1].PriceChanged {
		t.Errorf("items = %+v; want the tea flagged 2990 → 3490", v.Items)
	}
	if v.Quote.Subtotal.Minor() != 5*3490+9990 || v.Items[1].Name != "Polera - M" {
		t.Errorf("subtotal %s, name %q; want %d and Polera - M", v.Quote.Subtotal,
			v.Items[1].Name, 5*3490+9990)
	}
	id := v.Items[0].ID
	if v, err = s.UpdateItem(ctx, ana, "", id, 1); err != nil || v.Items[0].PriceChanged {
		t.Errorf("UpdateItem = %+v, %v; want quantity 1 at the new price", v.Items, err)
	}
	if _, err := s.UpdateItem(ctx, ana, "", 999, 1); commerce.ErrorKind(err) !=
		commerce.KindNotFound {
		t.Errorf("UpdateItem(unknown) = %v; want not found", err)
	}
	if v, err = s.RemoveItem(ctx, ana, "", id); err != nil || len(v.Items) != 1 {
		t.Errorf("RemoveItem = %+v, %v; want one item left", v.Items, err)
	}
	if err := s.Clear(ctx, ana, ""); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Cart(ctx, ana, ""); len(v.Items) != 0 || v.ID != 0 {
		t.Errorf("after Clear: %+v; want an empty cart", v)
	}
}

func TestUnavailableItem(t *testing.T) {
	s, cat := newService(t, nil)
	if _, err := s.AddItem(ctx, ana, "", 1, 0, 1); err != nil {
		t.Fatal(err)
	}
	te, _ := cat.Product(ctx, 1)
	te.Active = false
	cat.set(te)
	v, err := s.Cart(ctx, ana, "")
	if err != nil || v.Items[0].Available || len(v.Quote.Lines) != 0 {
		t.Errorf("view = %+v, %v; want the item unavailable and unpriced", v, err)
	}
}

func TestGuestAndMerge(t *testing.T) {
	tests := []struct {
		name     string
		strategy cart.MergeStrategy
		want     map[commerce.ProductID]int
	}{
		{"add up capped by stock", cart.AddUp, map[commerce.ProductID]int{1: 10, 2: 1}},
		{"keep guest", cart.KeepGuest, map[commerce.ProductID]int{1: 8}},
		{"keep customer", cart.KeepCustomer, map[commerce.ProductID]int{1: 4, 2: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newService(t, tt.strategy)
			g, err := s.AddItem(ctx, commerce.Anonymous, "", 1, 0, 8)
			if err != nil || len(g.Token) != 43 {
				t.Fatalf("guest AddItem = %q, %v; want a 43-character token", g.Token, err)
			}
			if v, _ := s.Cart(ctx, commerce.Anonymous, g.Token); len(v.Items) != 1 {
				t.Fatalf("guest cart by token = %+v; want its item", v)
			}
			if _, err := s.AddItem(ctx, ana, "", 1, 0, 4); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddItem(ctx, ana, "", 2, 20, 1); err != nil {
				t.Fatal(err)
			}
			v, err := s.Merge(ctx, ana, g.Token)
			if err != nil {
				t.Fatal(err)
			}
			got := map[commerce.ProductID]int{}
			ids := map[int64]bool{}
			for _, it := range v.Items {
				got[it.ProductID] = it.Quantity
				if ids[it.ID] {
					t.Errorf("item id %d used twice", it.ID)
				}
				ids[it.ID] = true
			}
			if len(got) != len(tt.want) {
				t.Errorf("merged = %v; want %v", got, tt.want)
			}
			for p, q := range tt.want {
				if got[p] != q {
					t.Errorf("merged %d = %d; want %d", p, got[p], q)
				}
			}
			if v, _ := s.Cart(ctx, commerce.Anonymous, g.Token); len(v.Items) != 0 {
				t.Errorf("guest cart still there after merge: %+v", v.Items)
			}
		})
	}
}

func TestMergeAdoptsGuestCart(t *testing.T) {
	s, _ := newService(t, nil)
	g, err := s.AddItem(ctx, commerce.Anonymous, "", 1, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.Merge(ctx, ana, g.Token)
	if err != nil || len(v.Items) != 1 || v.Items[0].Quantity != 2 {
		t.Errorf("Merge without a customer cart = %+v, %v; want the guest's item", v.Items, err)
	}
	if _, err := s.Merge(ctx, commerce.Anonymous, g.Token); commerce.ErrorKind(err) !=
		commerce.KindUnauthenticated {
		t.Errorf("anonymous Merge = %v; want unauthenticated", err)
	}
}

func TestConcurrentAdds(t *testing.T) {
	s, _ := newService(t, nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.AddItem(ctx, ana, "", 1, 0, 1); err != nil {
				t.Errorf("AddItem = %v", err)
			}
		}()
	}
	wg.Wait()
	v, _ := s.Cart(ctx, ana, "")
	if len(v.Items) != 1 || v.Items[0].Quantity != 8 {
		t.Errorf("after 8 devices added one each: %+v; want one item of 8", v.Items)
	}
}

func TestWholeNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"2", 2, true}, {"-1", -1, true}, {"0", 0, true}, {"1000000000", 1e9, true},
		{"1.5", 0, false}, {`"2"`, 0, false}, {"2e0", 0, false}, {"true", 0, false},
		{"null", 0, false}, {"", 0, false}, {"01", 0, false}, {"-", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, ok := cart.WholeNumber(json.RawMessage(tt.in))
		if got != tt.want || ok != tt.ok {
			t.Errorf("WholeNumber(%s) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
