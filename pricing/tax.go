package pricing

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Rounding says where tax is rounded to the currency's minor units.
type Rounding uint8

// The ways to round tax.
const (
	// RoundPerLine rounds the tax of each line, and of shipping, on its own;
	// the order's tax is the sum of the rounded parts.
	RoundPerLine Rounding = iota
	// RoundTotal rounds the order's tax once, on the exact sum, then splits
	// it over the lines in proportion to their exact tax.
	RoundTotal
)

// TaxRule is a tax rate for a country, a category, or both. An empty
// Country or a zero CategoryID matches every country or category.
type TaxRule struct {
	Name       string              // shown to the shopper, such as "IVA"
	Country    string              // ISO 3166-1 alpha-2, such as "CL"
	CategoryID commerce.CategoryID // a category and everything below it
	Rate       decimal.Decimal     // 0.19 for 19%
}

// TaxPolicy is how a store taxes what it sells.
type TaxPolicy struct {
	// Inclusive means catalog prices and shipping rates already include the
	// tax, as Chilean shops show them; the tax is the part of the price that
	// is tax. Otherwise tax is added on top.
	Inclusive bool
	Rounding  Rounding
	// Shipping taxes shipping at the rate of the destination country's rule
	// for no category.
	Shipping bool
	// Rules are the rates. For a line the rule chosen is, in this order of
	// preference: the destination country's for the line's nearest category,
	// the country's for no category, any country's for the nearest category,
	// any country's for no category. No rule means no tax.
	Rules []TaxRule
}

// IVA is the Chilean value-added tax rate, 19%.
var IVA = decimal.RequireFromString("0.19")

// ChileTaxPolicy returns the default policy: IVA of 19% included in prices and
// shipping, rounded per line.
func ChileTaxPolicy() TaxPolicy {
	return TaxPolicy{Inclusive: true, Rounding: RoundPerLine, Shipping: true,
		Rules: []TaxRule{{Name: "IVA", Country: "CL", Rate: IVA}}}
}

// rule returns the rule for a destination country and a category path,
// nearest category first, and false when none matches.
func (t TaxPolicy) rule(country string, cats []commerce.CategoryID) (TaxRule, bool) {
	countries := []string{country, ""}
	if country == "" {
		countries = countries[1:]
	}
	for _, c := range countries {
		for _, cat := range cats {
			if r, ok := t.find(c, cat); ok {
				return r, true
			}
		}
		if r, ok := t.find(c, 0); ok {
			return r, true
		}
	}
	return TaxRule{}, false
}

func (t TaxPolicy) find(country string, cat commerce.CategoryID) (TaxRule, bool) {
	for _, r := range t.Rules {
		if strings.EqualFold(r.Country, country) && r.CategoryID == cat {
			return r, true
		}
	}
	return TaxRule{}, false
}

// taxOf returns the exact, unrounded tax in an amount at a rate: the part
// that is tax when inclusive, the tax to add otherwise.
func taxOf(amount commerce.Money, rate decimal.Decimal, inclusive bool) decimal.Decimal {
	if rate.IsZero() {
		return decimal.Zero
	}
	a := amount.Amount()
	if inclusive {
		// Divide last so the quotient's truncation is the only inexact step.
		return a.Mul(rate).DivRound(decimal.NewFromInt(1).Add(rate), 16)
	}
	return a.Mul(rate)
}

// roundTaxes turns exact taxes into amounts in minor units that, under
// RoundTotal, add up to the exact sum rounded once.
func roundTaxes(exact []decimal.Decimal, c commerce.Currency, r Rounding) []commerce.Money {
	out := make([]commerce.Money, len(exact))
	if r == RoundPerLine {
		for i, e := range exact {
			out[i] = commerce.NewMoney(e, c).Round()
		}
		return out
	}
	sum := decimal.Zero
	for _, e := range exact {
		sum = sum.Add(e)
	}
	parts := commerce.Allocate(commerce.NewMoney(sum, c).Round(), exact)
	copy(out, parts)
	return out
}
