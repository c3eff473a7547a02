package checkout_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
)

var ctx = context.Background()

// declining is a gateway that refuses every payment.
type declining struct{}

func (declining) Describe() payment.Description {
	return payment.Description{Name: "tarjeta", DisplayName: "Tarjeta"}
}

func (declining) Authorize(context.Context, payment.Charge) (payment.Result, error) {
	return payment.Result{}, payment.Declined("card_declined", "tarjeta rechazada")
}

func (declining) Refund(context.Context, payment.Refund) (payment.Result, error) {
	return payment.Result{}, nil
}

// capturing is a gateway that takes the money at once.
type capturing struct{}

func (capturing) Describe() payment.Description {
	return payment.Description{Name: "instant", DisplayName: "Instantáneo"}
}

func (capturing) Authorize(_ context.Context, c payment.Charge) (payment.Result, error) {
	return payment.Result{Status: payment.StatusCaptured, Reference: "ch_" + c.OrderNumber,
		Amount: c.Amount}, nil
}

func (capturing) Refund(context.Context, payment.Refund) (payment.Result, error) {
	return payment.Result{}, nil
}

type fixture struct {
	mem  *checkouttest.Memory
	svc  *checkout.Service
	tea  catalog.Product
	wh   commerce.WarehouseID
	anna commerce.Principal
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	m := checkouttest.NewMemory()
	orders := order.NewService(m, order.Config{})
	reg := payment.NewRegistry(payment.BankTransfer{Instructions: "Banco Estado 123"},
		payment.CashOnDelivery{}, declining{}, capturing{})
	f := fixture{mem: m, wh: m.AddWarehouse(), anna: commerce.User(5, commerce.RoleCustomer),
		svc: checkout.NewService(m, checkout.Config{Catalog: m, Orders: orders,
			Payments: reg, Outbox: m, Events: commerce.Discard})}
	f.tea = catalog.Product{Name: "Té", SKU: "TE", Price: commerce.FromMinor(2990,
		commerce.CLP), Active: true}
	m.AddProduct(&f.tea)
	m.SetLevels(inventory.Level{ProductID: f.tea.ID, WarehouseID: f.wh, Quantity: 10})
	return f
}

func req(items ...checkout.Item) checkout.Request {
	return checkout.Request{Items: items, PaymentMethod: "bank_transfer",
		ShippingAddress: order.Address{Street: "Av. Matta 500", City: "Santiago",
			Region: "RM", Country: "CL"}}
}

func TestPlaceOrderFieldErrors(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name  string
		r     checkout.Request
		field string
	}{
		{"zero", req(checkout.Item{ProductID: f.tea.ID, Quantity: 0}), "items[0].quantity"},
		{"negative", req(checkout.Item{ProductID: f.tea.ID, Quantity: -1}), "items[0].quantity"},
		{"a billion", req(checkout.Item{ProductID: f.tea.ID, Quantity: 1e9}), "items[0].quantity"},
		{"missing product", req(checkout.Item{ProductID: 999, Quantity: 1}),
			"items[0].product_id"},
		{"no product", req(checkout.Item{Quantity: 1}), "items[0].product_id"},
		{"unknown variant", req(checkout.Item{ProductID: f.tea.ID, VariantID: 7, Quantity: 1}),
			"items[0].variant_id"},
		{"no items and no cart", req(), "items"},
		{"payment method", func() checkout.Request {
			r := req(checkout.Item{ProductID: f.tea.ID, Quantity: 1})
			r.PaymentMethod = "bitcoin"
			return r
		}(), "payment_method"},
		{"street", func() checkout.Request {
			r := req(checkout.Item{ProductID: f.tea.ID, Quantity: 1})
			r.ShippingAddress.Street = ""
			return r
		}(), "shipping_address.street"},
		{"shipping method", func() checkout.Request {
			r := req(checkout.Item{ProductID: f.tea.ID, Quantity: 1})
			r.ShippingMethod = "dron"
			return r
		}(), "shipping_method"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.svc.PlaceOrder(ctx, f.anna, "", tt.r)
			var names []string
			for _, fe := range commerce.ErrorFields(err) {
				names = append(names, fe.Field)
			}
			if commerce.ErrorKind(err) != commerce.KindInvalid || len(names) != 1 ||
				names[0] != tt.field {
				t.Errorf("PlaceOrder = %v (fields %v); want invalid %s", err, names, tt.field)
			}
		})
	}
	if _, err := f.svc.PlaceOrder(ctx, commerce.Anonymous, "", req()); commerce.ErrorKind(err) !=
		commerce.KindUnauthenticated {
		t.Errorf("anonymous PlaceOrder = %v; want unauthenticated", err)
	}
}

func TestRepeatedItemsAddUp(t *testing.T) {
	f := newFixture(t)
	res, err := f.svc.PlaceOrder(ctx, f.anna, "", req(checkout.Item{ProductID: f.tea.ID,
		Quantity: 2}, checkout.Item{ProductID: f.tea.ID, Quantity: 3}))
	if err != nil || len(res.Order.Lines) != 1 || res.Order.Lines[0].Quantity != 5 {
		t.Fatalf("PlaceOrder = %+v, %v; want one line of 5", res.Order.Lines, err)
	}
	if !strings.Contains(res.Payment.Instructions, "Banco Estado") ||
		res.Payment.Status != payment.StatusPending {
		t.Errorf("payment = %+v; want pending with the bank's instructions", res.Payment)
	}
}

func TestDeclinedPaymentReleasesStock(t *testing.T) {
	f := newFixture(t)
	r := req(checkout.Item{ProductID: f.tea.ID, Quantity: 4})
	r.PaymentMethod = "tarjeta"
	res, err := f.svc.PlaceOrder(ctx, f.anna, "", r)
	if err != nil {
		t.Fatal(err)
	}
	o := res.Order
	if o.PaymentStatus != order.PaymentFailed || o.Status != order.StatusCancelled {
		t.Errorf("order = %s/%s; want cancelled, payment failed", o.Status, o.PaymentStatus)
	}
	if !strings.Contains(o.Timeline[len(o.Timeline)-1].Note+o.Timeline[1].Note,
		"tarjeta rechazada") {
		t.Errorf("timeline = %+v; want the shopper's reason", o.Timeline)
	}
	if res.Message != "tarjeta rechazada" || res.Payment.Status != payment.StatusFailed {
		t.Errorf("result says %q, payment %q; want the decline message, failed", res.Message,
			res.Payment.Status)
	}
	ls, _ := f.mem.Levels(ctx, f.tea.ID)
	if ls[0].Reserved != 0 {
		t.Errorf("reserved = %d after a declined payment; want 0", ls[0].Reserved)
	}
}

func TestCapturedPaymentConfirms(t *testing.T) {
	f := newFixture(t)
	r := req(checkout.Item{ProductID: f.tea.ID, Quantity: 1})
	r.PaymentMethod = "instant"
	res, err := f.svc.PlaceOrder(ctx, f.anna, "", r)
	if err != nil {
		t.Fatal(err)
	}
	if o := res.Order; o.PaymentStatus != order.PaymentPaid || o.Status != order.StatusConfirmed ||
		o.PaymentReference != "ch_"+o.Number {
		t.Errorf("order = %s/%s ref %q; want confirmed, paid", o.Status, o.PaymentStatus,
			o.PaymentReference)
	}
}

func TestReplayReturnsTheFirstOrder(t *testing.T) {
	f := newFixture(t)
	r := req(checkout.Item{ProductID: f.tea.ID, Quantity: 1})
	r.IdempotencyKey = "abc"
	first, err := f.svc.PlaceOrder(ctx, f.anna, "", r)
	if err != nil || first.Replayed {
		t.Fatalf("first = %+v, %v", first, err)
	}
	again, err := f.svc.PlaceOrder(ctx, f.anna, "", r)
	if err != nil || !again.Replayed || again.Order.ID != first.Order.ID ||
		again.Payment.Reference != first.Payment.Reference {
		t.Errorf("replay = %+v, %v; want the first order and payment", again, err)
	}
	other, err := f.svc.PlaceOrder(ctx, commerce.User(6, commerce.RoleCustomer), "", r)
	if err != nil || other.Order.ID == first.Order.ID {
		t.Errorf("another customer's key = %+v, %v; want a new order", other.Order.ID, err)
	}
}

func TestPlan(t *testing.T) {
	lv := func(w commerce.WarehouseID, q, r int) inventory.Level {
		return inventory.Level{ProductID: 1, WarehouseID: w, Quantity: q, Reserved: r}
	}
	levels := []inventory.Level{lv(1, 5, 3), lv(2, 4, 0), lv(3, 10, 0)}
	tests := []struct {
		name     string
		need     int
		priority []commerce.WarehouseID
		want     map[commerce.WarehouseID]int
	}{
		{"first that has all", 3, nil, map[commerce.WarehouseID]int{2: 3}},
		{"priority first", 3, []commerce.WarehouseID{3}, map[commerce.WarehouseID]int{3: 3}},
		{"split in order", 15, nil, map[commerce.WarehouseID]int{1: 2, 2: 4, 3: 9}},
		{"not enough", 20, nil, map[commerce.WarehouseID]int{1: 2, 2: 4, 3: 10}},
	}
	for _, tt := range tests {
		got := map[commerce.WarehouseID]int{}
		for _, a := range checkout.Plan(levels, tt.need, tt.priority) {
			got[a.WarehouseID] += a.Quantity
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: Plan = %v; want %v", tt.name, got, tt.want)
		}
		for w, n := range tt.want {
			if got[w] != n {
				t.Errorf("%s: warehouse %d gives %d; want %d", tt.name, w, got[w], n)
			}
		}
	}
}

// stuckCart is a cart that is not emptied yet when the same order is
// placed again: the window a double click falls in.
type stuckCart struct{ view cart.View }

func (c *stuckCart) Cart(context.Context, commerce.Principal, string) (cart.View, error) {
	return c.view, nil
}

func (c *stuckCart) Clear(context.Context, commerce.Principal, string) error { return nil }

func TestSameCartPlacedTwiceMakesOneOrder(t *testing.T) {
	f := newFixture(t)
	carts := &stuckCart{view: cart.View{ID: 7, Version: 3, Items: []cart.ItemView{
		{Item: cart.Item{ProductID: f.tea.ID, Quantity: 2}}}}}
	orders := order.NewService(f.mem, order.Config{})
	svc := checkout.NewService(f.mem, checkout.Config{Catalog: f.mem, Orders: orders,
		Payments: payment.NewRegistry(payment.BankTransfer{}), Carts: carts})
	first, err := svc.PlaceOrder(ctx, f.anna, "", req())
	if err != nil || first.Replayed {
		t.Fatalf("first = %+v, %v", first, err)
	}
	again, err := svc.PlaceOrder(ctx, f.anna, "", req())
	if err != nil || !again.Replayed || again.Order.ID != first.Order.ID {
		t.Errorf("same cart again = %+v, %v; want order %d replayed", again.Order.ID, err,
			first.Order.ID)
	}
	if ls, _ := f.mem.Levels(ctx, f.tea.ID); ls[0].Reserved != 2 {
		t.Errorf("reserved = %d; want 2, the first order's only", ls[0].Reserved)
	}
	carts.view.Version++ // the shopper changed the cart: another order
	other, err := svc.PlaceOrder(ctx, f.anna, "", req())
	if err != nil || other.Replayed || other.Order.ID == first.Order.ID {
		t.Errorf("changed cart = %+v, %v; want a new order", other.Order.ID, err)
	}
}

func TestOrderTooLargeForTheStore(t *testing.T) {
	f := newFixture(t)
	gem := catalog.Product{Name: "Diamante", SKU: "GEM", Active: true,
		Price: commerce.FromMinor(999_999_999_999, commerce.CLP)}
	f.mem.AddProduct(&gem)
	f.mem.SetLevels(inventory.Level{ProductID: gem.ID, WarehouseID: f.wh, Quantity: 99})
	_, err := f.svc.PlaceOrder(ctx, f.anna, "", req(checkout.Item{ProductID: gem.ID,
		Quantity: 2}))
	if commerce.ErrorKind(err) != commerce.KindInvalid || len(commerce.ErrorFields(err)) != 1 ||
		commerce.ErrorFields(err)[0].Field != "items" {
		t.Errorf("PlaceOrder(2 × 999.999.999.999) = %v; want invalid items", err)
	}
	if ls, _ := f.mem.Levels(ctx, gem.ID); ls[0].Reserved != 0 {
		t.Errorf("reserved %d after a refused order; want 0", ls[0].Reserved)
	}
}
