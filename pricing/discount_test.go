package pricing_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pricing"
)

func discounter(ds ...pricing.Discount) pricing.Discounter {
	return pricing.DiscountFunc(func(context.Context, pricing.DiscountInput) (
		[]pricing.Discount, error) {
		return ds, nil
	})
}

func TestDiscountSplit(t *testing.T) {
	p := pricing.New(pricing.Config{Discounter: discounter(
		pricing.Discount{Code: "DIEZ", Amount: clp(1000)},
		pricing.Discount{Code: "SEGUNDA", Amount: clp(500), Lines: []int{1}},
	)})
	q := mustPrice(t, p, pricing.Request{Region: "RM", Lines: []pricing.Line{
		line(clp(3000), 1), line(clp(1000), 2), line(clp(1000), 1)}})
	// 1000 over 3000:2000:1000 is 500, 333.33, 166.67: the left-over peso
	// goes to the largest remainder; then 500 more on the second line.
	want := []int64{500, 833, 167}
	for i, l := range q.Lines {
		if l.Discount.Minor() != want[i] {
			t.Errorf("line %d discount = %s; want %d", i, l.Discount, want[i])
		}
	}
	if q.Discount.Minor() != 1500 {
		t.Errorf("Discount = %s; want 1500", q.Discount)
	}
}

func TestDiscountCapped(t *testing.T) {
	p := pricing.New(pricing.Config{Discounter: discounter(
		pricing.Discount{Code: "TODO", Amount: clp(99999)},
		pricing.Discount{Code: "NEGATIVO", Amount: clp(-50)})})
	q := mustPrice(t, p, pricing.Request{Region: "RM", Lines: []pricing.Line{
		line(clp(1990), 1)}})
	if q.Discount.Minor() != 1990 || q.Discounts[0].Applied.Minor() != 1990 ||
		!q.Discounts[1].Applied.IsZero() {
		t.Errorf("Discount = %s, applied %v; want 1990 then 0", q.Discount, q.Discounts)
	}
	if q.Total.Minor() != 2990 || q.Lines[0].Tax.Minor() != 0 {
		t.Errorf("Total = %s, line tax %s; want shipping only", q.Total, q.Lines[0].Tax)
	}
}

func TestDiscountFaults(t *testing.T) {
	tests := []struct {
		name string
		d    pricing.Discounter
	}{
		{"currency", discounter(pricing.Discount{Amount: usd(100)})},
		{"line", discounter(pricing.Discount{Amount: clp(100), Lines: []int{3}})},
		{"repeated", discounter(pricing.Discount{Amount: clp(100), Lines: []int{0, 0}})},
		{"error", pricing.DiscountFunc(func(context.Context, pricing.DiscountInput) (
			[]pricing.Discount, error) {
			return nil, errors.New("promotions down")
		})},
	}
	for _, tt := range tests {
		p := pricing.New(pricing.Config{Discounter: tt.d})
		_, err := p.Price(ctx, pricing.Request{Lines: []pricing.Line{line(clp(100), 1)}})
		if err == nil || commerce.ErrorKind(err) != commerce.KindInternal {
			t.Errorf("%s: Price = %v; want an internal error", tt.name, err)
		}
	}
}
