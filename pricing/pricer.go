package pricing

import (
	"context"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Config holds a Pricer's settings. Its zero value prices as a Chilean shop:
// CLP, ChileTaxPolicy, ChileanMethods, no discounts.
type Config struct {
	Currency   commerce.Currency // CLP when empty
	Tax        *TaxPolicy        // ChileTaxPolicy when nil
	Methods    []Method          // ChileanMethods when nil; in the order offered
	Discounter Discounter        // none when nil
	Country    string            // the store's country, for requests without one; "CL" when empty
}

// Pricer prices lines. It is safe for concurrent use when its Methods and
// Discounter are.
type Pricer struct {
	currency   commerce.Currency
	tax        TaxPolicy
	methods    []Method
	discounter Discounter
	country    string
}

// New returns a Pricer with the settings of cfg.
func New(cfg Config) *Pricer {
	p := &Pricer{currency: cfg.Currency, methods: cfg.Methods, discounter: cfg.Discounter,
		country: cfg.Country}
	if p.currency == "" {
		p.currency = commerce.CLP
	}
	if cfg.Tax != nil {
		p.tax = *cfg.Tax
	} else {
		p.tax = ChileTaxPolicy()
	}
	if p.methods == nil {
		p.methods = ChileanMethods()
	}
	if p.country == "" {
		p.country = "CL"
	}
	return p
}

// Currency returns the currency the Pricer prices in.
func (p *Pricer) Currency() commerce.Currency { return p.currency }

// Tax returns the tax policy.
func (p *Pricer) Tax() TaxPolicy { return p.tax }

// Request is a set of lines to price for a destination.
type Request struct {
	Lines []Line
	// Country and Region are the destination; the store's country and no
	// region when empty.
	Country string
	Region  string
	// ShippingMethod is the code of the method the shopper chose; empty
	// chooses the cheapest that serves the destination, never one that is
	// OnRequest. A request without lines has no shipping.
	ShippingMethod string
	// NoShipping prices the lines alone, as a cart does before the
	// shopper gives an address.
	NoShipping bool
	Customer   commerce.UserID // who is buying, for the Discounter; zero for a guest
	Coupons    []string        // codes the shopper entered, for the Discounter
}

// PricedLine is a line with its amounts. Amount - Discount + Tax (when
// exclusive) = Total.
type PricedLine struct {
	Line
	Amount   commerce.Money  // UnitPrice × Quantity
	Savings  commerce.Money  // what the compare-at price says the shopper saves
	Discount commerce.Money  // this line's share of the discounts
	TaxName  string          // such as "IVA"; empty when untaxed
	TaxRate  decimal.Decimal // 0.19 for 19%
	Tax      commerce.Money  // the tax part of Amount - Discount, or the tax on top of it
	Total    commerce.Money
}

// ShippingQuote is the shipping method chosen and its rate.
type ShippingQuote struct {
	Code   string
	Name   string
	Amount commerce.Money // tax included when the policy is inclusive
	Tax    commerce.Money // the tax part of Amount, or the tax on top of it
}

// Quote is a priced request. Total = Subtotal + Shipping + TaxExclusive -
// Discount, exactly, and equals the sum of the lines' totals plus shipping
// and its exclusive tax.
type Quote struct {
	Currency     commerce.Currency
	Inclusive    bool // prices include the tax
	Lines        []PricedLine
	Subtotal     commerce.Money // the sum of the lines' amounts
	Savings      commerce.Money
	Discount     commerce.Money
	Discounts    []AppliedDiscount
	Shipping     ShippingQuote
	Tax          commerce.Money // all the tax, included or on top, lines and shipping
	TaxExclusive commerce.Money // the part of Tax added on top; zero when inclusive
	Total        commerce.Money
}

// Price prices a request at the prices of its lines. It returns KindInvalid
// naming lines[i].quantity or lines[i].unit_price for a line it cannot
// price, and shipping_method for an unknown method, one that does not serve
// the destination, or when no method does. Errors of the Discounter and of
// the methods are returned wrapped.
func (p *Pricer) Price(ctx context.Context, req Request) (Quote, error) {
	const op = "pricing.price"
	if err := p.check(op, req.Lines); err != nil {
		return Quote{}, err
	}
	if req.Country == "" {
		req.Country = p.country
	}
	q := p.lines(req.Lines)
	if err := p.discount(ctx, req, &q); err != nil {
		return Quote{}, fmt.Errorf("%s: %w", op, err)
	}
	if err := p.ship(ctx, op, req, &q); err != nil {
		return Quote{}, err
	}
	p.taxes(req.Country, &q)
	q.Total = q.Subtotal.Add(q.Shipping.Amount).Add(q.TaxExclusive).Sub(q.Discount)
	return q, nil
}

func (p *Pricer) check(op string, lines []Line) error {
	var bad commerce.Fields
	for i, l := range lines {
		field := "lines[" + strconv.Itoa(i) + "]."
		bad.Check(l.Quantity >= 1, field+"quantity", "debe ser un entero mayor que cero")
		u := l.UnitPrice
		bad.Check(u.Currency() == p.currency && !u.IsNegative() && u.Round().Equal(u),
			field+"unit_price", "precio no válido en "+string(p.currency))
		bad.Check(!l.Weight.IsNegative(), field+"weight", "no puede ser negativo")
	}
	return bad.Err(op)
}

// lines prices each line at its unit price.
func (p *Pricer) lines(lines []Line) Quote {
	zero := commerce.Zero(p.currency)
	q := Quote{Currency: p.currency, Inclusive: p.tax.Inclusive, Subtotal: zero, Savings: zero,
		Discount: zero, Tax: zero, TaxExclusive: zero, Lines: make([]PricedLine, len(lines))}
	for i, l := range lines {
		pl := PricedLine{Line: l, Amount: l.UnitPrice.Mul(int64(l.Quantity)), Savings: zero,
			Discount: zero, Tax: zero}
		if c := l.ComparePrice; c != nil && c.Currency() == p.currency && c.Cmp(l.UnitPrice) > 0 {
			pl.Savings = c.Sub(l.UnitPrice).Mul(int64(l.Quantity))
		}
		q.Lines[i] = pl
		q.Subtotal = q.Subtotal.Add(pl.Amount)
		q.Savings = q.Savings.Add(pl.Savings)
	}
	return q
}

// discount asks the Discounter and spreads what it returns over the lines.
func (p *Pricer) discount(ctx context.Context, req Request, q *Quote) error {
	if p.discounter == nil || len(q.Lines) == 0 {
		return nil
	}
	in := DiscountInput{Request: req, Lines: append([]PricedLine(nil), q.Lines...),
		Subtotal: q.Subtotal}
	ds, err := p.discounter.Discounts(ctx, in)
	if err != nil {
		return fmt.Errorf("discounts: %w", err)
	}
	q.Discounts, err = applyDiscounts(q.Lines, ds, p.currency)
	if err != nil {
		return err
	}
	for _, d := range q.Discounts {
		q.Discount = q.Discount.Add(d.Applied)
	}
	return nil
}
