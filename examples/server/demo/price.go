package demo

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Fixed exchange rates, in Chilean pesos per unit of the source currency, as
// of the dates the data sets were collected (see data/ATTRIBUTION.md). They
// are rounded on purpose: the prices are sample data, not a quote.
const (
	// USDToCLP is about the dollar observed by the Banco Central de Chile in
	// May 2016 (between 660 and 700 that month), when Best Buy published its
	// data set.
	USDToCLP = 680
	// ARSToCLP is the peso cross rate of April 2020, the month of the Precios
	// Claros surveys: about 850 CLP and 66 ARS (official rate) per dollar
	// give 12.9 CLP per ARS.
	ARSToCLP = 13
	// PriceStep rounds every converted price to the nearest 10 pesos, half
	// away from zero, as Chilean shops price: $3.730, not $3.733.
	PriceStep = 10
)

// minPriceARS is the lowest median price a Precios Claros product may have.
// The 1st percentile is 4.99 ARS; medians below 1 ARS (chewing gum at 0.12,
// rennet at 0.28 the kilo) are data-entry errors, and would round to $0 or
// $10, so such rows are rejected.
var minPriceARS = decimal.NewFromInt(1)

// toCLP converts a positive amount at a rate of pesos per unit and rounds it
// to PriceStep. It fails for an amount that is not positive or that rounds
// to zero.
func toCLP(amount decimal.Decimal, rate int64) (commerce.Money, error) {
	if !amount.IsPositive() {
		return commerce.Money{}, fmt.Errorf("precio no positivo: %s", amount)
	}
	clp := amount.Mul(decimal.NewFromInt(rate)).Div(decimal.NewFromInt(PriceStep)).Round(0).
		Mul(decimal.NewFromInt(PriceStep))
	if !clp.IsPositive() {
		return commerce.Money{}, fmt.Errorf("precio %s redondea a $0", amount)
	}
	return commerce.NewMoney(clp, commerce.CLP), nil
}

// parsePrice reads a decimal price as the sources write it, "5.49" or
// "539.99".
func parsePrice(text string) (decimal.Decimal, error) {
	if text == "" {
		return decimal.Decimal{}, fmt.Errorf("sin precio")
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("precio no válido: %q", text)
	}
	return d, nil
}
