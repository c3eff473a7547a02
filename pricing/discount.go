package pricing

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Discounter decides the discounts of a set of priced lines. Promotions
// implement it; a Pricer without one applies none. It must not change in.
type Discounter interface {
	Discounts(ctx context.Context, in DiscountInput) ([]Discount, error)
}

// DiscountFunc adapts a function to Discounter.
type DiscountFunc func(ctx context.Context, in DiscountInput) ([]Discount, error)

// Discounts calls f.
func (f DiscountFunc) Discounts(ctx context.Context, in DiscountInput) ([]Discount, error) {
	return f(ctx, in)
}

// DiscountInput is what a Discounter sees: the request and its lines priced
// at catalog prices, before any discount.
type DiscountInput struct {
	Request  Request
	Lines    []PricedLine
	Subtotal commerce.Money
}

// Discount takes an amount off some lines. The amount is rounded to minor
// units and split over the lines in proportion to what is left of each after
// earlier discounts; it is cut down to what is left, so a line never costs
// less than nothing.
type Discount struct {
	Code        string // the promotion or coupon, such as "VERANO10"
	Description string // shown to the shopper
	Amount      commerce.Money
	Lines       []int // indexes of the lines it applies to; empty: every line
}

// AppliedDiscount is a discount with the amount that was actually taken off.
type AppliedDiscount struct {
	Discount
	Applied commerce.Money
}

// applyDiscounts splits each discount over its lines and returns what was
// applied. It returns KindInternal for a discount in another currency or
// naming a line that does not exist: a fault of the Discounter.
func applyDiscounts(lines []PricedLine, ds []Discount, c commerce.Currency) ([]AppliedDiscount,
	error) {
	applied := make([]AppliedDiscount, 0, len(ds))
	for _, d := range ds {
		if d.Amount.Currency() != c {
			return nil, commerce.Errorf(commerce.KindInternal, "pricing.discount",
				"descuento %q en otra moneda", d.Code)
		}
		idx, err := discountLines(d, len(lines))
		if err != nil {
			return nil, err
		}
		applied = append(applied, AppliedDiscount{Discount: d, Applied: spread(lines, idx, d, c)})
	}
	return applied, nil
}

func discountLines(d Discount, n int) ([]int, error) {
	if len(d.Lines) == 0 {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx, nil
	}
	seen := make(map[int]bool, len(d.Lines))
	for _, i := range d.Lines {
		if i < 0 || i >= n || seen[i] {
			return nil, commerce.Errorf(commerce.KindInternal, "pricing.discount",
				"descuento %q para una línea inexistente o repetida", d.Code)
		}
		seen[i] = true
	}
	return d.Lines, nil
}

// spread takes d's amount, capped at what is left, off the lines at idx.
func spread(lines []PricedLine, idx []int, d Discount, c commerce.Currency) commerce.Money {
	left := commerce.Zero(c)
	weights := make([]decimal.Decimal, len(idx))
	for j, i := range idx {
		rest := lines[i].Amount.Sub(lines[i].Discount)
		weights[j] = rest.Amount()
		left = left.Add(rest)
	}
	amount := d.Amount.Round()
	if amount.IsNegative() || left.IsZero() {
		return commerce.Zero(c)
	}
	if amount.Cmp(left) > 0 {
		amount = left
	}
	for j, part := range commerce.Allocate(amount, weights) {
		lines[idx[j]].Discount = lines[idx[j]].Discount.Add(part)
	}
	return amount
}
