package pricing

import (
	"context"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Shipment is what a shipping method needs to quote a rate.
type Shipment struct {
	Currency commerce.Currency
	Country  string          // ISO 3166-1 alpha-2
	Region   string          // ISO 3166-2 code without the country, such as "RM"
	Subtotal commerce.Money  // the lines after discounts, as the shopper pays them
	Weight   decimal.Decimal // kilograms
	Units    int
}

// Method is a way to get an order to the shopper. Rate reports false when the
// method does not serve the shipment, such as a region it does not reach.
// Rates are in the shipment's currency, tax included when the TaxPolicy is
// inclusive.
type Method interface {
	Code() string // stable and unique, such as "despacho"
	Name() string // shown to the shopper
	Rate(ctx context.Context, s Shipment) (commerce.Money, bool, error)
}

// OnRequest is implemented by methods that are never chosen on the
// shopper's behalf, such as store pickup: the shopper must ask for them.
type OnRequest interface {
	OnRequest() bool
}

type named struct{ code, name string }

func (n named) Code() string { return n.code }
func (n named) Name() string { return n.name }

// Flat returns a method that charges the same amount for every shipment.
func Flat(code, name string, amount commerce.Money) Method {
	return flat{named{code, name}, amount}
}

type flat struct {
	named
	amount commerce.Money
}

func (f flat) Rate(_ context.Context, s Shipment) (commerce.Money, bool, error) {
	return f.amount, f.amount.Currency() == s.Currency, nil
}

// WeightBracket is the rate for shipments up to a weight, inclusive.
type WeightBracket struct {
	UpTo   decimal.Decimal // kilograms
	Amount commerce.Money
}

// ByWeight returns a method that charges the amount of the first bracket
// whose weight the shipment does not exceed; brackets must be in increasing
// weight. It does not serve shipments heavier than the last bracket.
func ByWeight(code, name string, brackets []WeightBracket) Method {
	return byWeight{named{code, name}, brackets}
}

type byWeight struct {
	named
	brackets []WeightBracket
}

func (w byWeight) Rate(_ context.Context, s Shipment) (commerce.Money, bool, error) {
	for _, b := range w.brackets {
		if s.Weight.LessThanOrEqual(b.UpTo) {
			return b.Amount, b.Amount.Currency() == s.Currency, nil
		}
	}
	return commerce.Money{}, false, nil
}

// ByRegion returns a method that charges per region of one country, with
// rates keyed by region code. It does not serve other countries, or regions
// without a rate.
func ByRegion(code, name, country string, rates map[string]commerce.Money) Method {
	return byRegion{named{code, name}, country, rates}
}

type byRegion struct {
	named
	country string
	rates   map[string]commerce.Money
}

func (r byRegion) Rate(_ context.Context, s Shipment) (commerce.Money, bool, error) {
	if !strings.EqualFold(s.Country, r.country) {
		return commerce.Money{}, false, nil
	}
	m, ok := r.rates[strings.ToUpper(s.Region)]
	return m, ok && m.Currency() == s.Currency, nil
}

// FreeAbove returns m, free of charge when the shipment's subtotal reaches
// threshold. It serves the shipments m serves.
func FreeAbove(m Method, threshold commerce.Money) Method {
	return freeAbove{m, threshold}
}

type freeAbove struct {
	Method
	threshold commerce.Money
}

func (f freeAbove) Rate(ctx context.Context, s Shipment) (commerce.Money, bool, error) {
	rate, ok, err := f.Method.Rate(ctx, s)
	if err != nil || !ok {
		return rate, ok, err
	}
	if f.threshold.Currency() == s.Currency && s.Subtotal.Cmp(f.threshold) >= 0 {
		return commerce.Zero(s.Currency), true, nil
	}
	return rate, true, nil
}

// Pickup returns store pickup at an address: free, for every destination,
// and only when the shopper asks for it.
func Pickup(code, name, address string) Method {
	return pickup{named{code, name}, address}
}

type pickup struct {
	named
	address string
}

func (p pickup) Rate(_ context.Context, s Shipment) (commerce.Money, bool, error) {
	return commerce.Zero(s.Currency), true, nil
}

func (pickup) OnRequest() bool { return true }

// Address returns where the shopper picks the order up.
func (p pickup) Address() string { return p.address }

// ChileanMethods returns the methods a Chilean store starts with: home
// delivery at ChileanRegionalRates, and pickup in store.
func ChileanMethods() []Method {
	return []Method{
		ByRegion("despacho", "Despacho a domicilio", "CL", ChileanRegionalRates()),
		Pickup("retiro", "Retiro en tienda", ""),
	}
}
