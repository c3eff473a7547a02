package commerce

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Allocate splits m into parts proportional to weights, in whole minor units,
// so that the parts always add up to m rounded: no peso is lost or invented.
// The minor units left over after the proportional shares are floored go one
// each to the parts with the largest remainders (ties to the earlier part).
// Weights must not be negative; when they are all zero the split is even.
// It returns nil when weights is empty.
func Allocate(m Money, weights []decimal.Decimal) []Money {
	if len(weights) == 0 {
		return nil
	}
	total := decimal.Zero
	for _, w := range weights {
		total = total.Add(w)
	}
	if total.IsZero() {
		weights = make([]decimal.Decimal, len(weights))
		for i := range weights {
			weights[i] = decimal.NewFromInt(1)
		}
		total = decimal.NewFromInt(int64(len(weights)))
	}

	units := m.Minor()
	sign := int64(1)
	if units < 0 {
		sign, units = -1, -units
	}
	shares := make([]int64, len(weights))
	rems := make([]decimal.Decimal, len(weights))
	left := units
	for i, w := range weights {
		exact := decimal.NewFromInt(units).Mul(w).Div(total)
		shares[i] = exact.Floor().IntPart()
		rems[i] = exact.Sub(exact.Floor())
		left -= shares[i]
	}

	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rems[order[a]].GreaterThan(rems[order[b]]) })
	for i := 0; left > 0; i, left = i+1, left-1 {
		shares[order[i%len(order)]]++
	}

	parts := make([]Money, len(weights))
	for i, s := range shares {
		parts[i] = FromMinor(sign*s, m.currency)
	}
	return parts
}
