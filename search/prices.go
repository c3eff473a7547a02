package search

import "github.com/ecommerce-moderno/moderno/commerce"

// PriceRange is a band of prices in minor units: Min included, Max excluded,
// Max zero for no upper end.
type PriceRange struct {
	Min   int64
	Max   int64
	Label string // "$5.000 a $10.000"
}

// Contains reports whether a price in minor units falls in the range.
func (r PriceRange) Contains(minor int64) bool {
	return minor >= r.Min && (r.Max == 0 || minor < r.Max)
}

// NewPriceRanges returns the ranges between consecutive bounds, in minor
// units of c, with a last one open upwards and labels as shoppers in Chile
// read them.
func NewPriceRanges(c commerce.Currency, bounds ...int64) []PriceRange {
	ranges := make([]PriceRange, 0, len(bounds)+1)
	lo := int64(0)
	for _, hi := range bounds {
		ranges = append(ranges, PriceRange{Min: lo, Max: hi, Label: rangeLabel(c, lo, hi)})
		lo = hi
	}
	return append(ranges, PriceRange{Min: lo, Label: rangeLabel(c, lo, 0)})
}

func rangeLabel(c commerce.Currency, lo, hi int64) string {
	from, to := commerce.FromMinor(lo, c).Format(), commerce.FromMinor(hi, c).Format()
	switch {
	case lo == 0:
		return "menos de " + to
	case hi == 0:
		return from + " o más"
	default:
		return from + " a " + to
	}
}

// DefaultPriceRanges returns the price bands of the demo store in Chilean
// pesos. Supermarket goods cluster below $5.000 and electronics spread from
// $10.000 to over a million, so the bands are narrow at the bottom and grow
// roughly twofold upwards.
func DefaultPriceRanges() []PriceRange {
	return NewPriceRanges(commerce.CLP, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000,
		100_000, 250_000, 500_000, 1_000_000)
}
