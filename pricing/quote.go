package pricing

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Options returns every method that serves the request's destination with
// its rate, in the order of the Pricer's methods, for the shopper to choose
// from. It returns the errors of Price.
func (p *Pricer) Options(ctx context.Context, req Request) ([]ShippingQuote, error) {
	const op = "pricing.options"
	if err := p.check(op, req.Lines); err != nil {
		return nil, err
	}
	if req.Country == "" {
		req.Country = p.country
	}
	q := p.lines(req.Lines)
	if err := p.discount(ctx, req, &q); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	s := p.shipment(req, &q)
	var out []ShippingQuote
	for _, m := range p.methods {
		rate, ok, err := p.rate(ctx, m, s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		if ok {
			out = append(out, ShippingQuote{Code: m.Code(), Name: m.Name(), Amount: rate})
		}
	}
	return out, nil
}

// ship sets the quote's shipping: the method asked for, or the cheapest.
func (p *Pricer) ship(ctx context.Context, op string, req Request, q *Quote) error {
	zero := commerce.Zero(p.currency)
	q.Shipping = ShippingQuote{Amount: zero, Tax: zero}
	if len(q.Lines) == 0 || req.NoShipping {
		return nil
	}
	s := p.shipment(req, q)
	if req.ShippingMethod != "" {
		return p.shipWith(ctx, op, req.ShippingMethod, s, q)
	}
	found := false
	for _, m := range p.methods {
		if r, ok := m.(OnRequest); ok && r.OnRequest() {
			continue
		}
		rate, ok, err := p.rate(ctx, m, s)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if ok && (!found || rate.Cmp(q.Shipping.Amount) < 0) {
			q.Shipping = ShippingQuote{Code: m.Code(), Name: m.Name(), Amount: rate, Tax: zero}
			found = true
		}
	}
	if !found {
		return commerce.Invalid(op, commerce.FieldError{Field: "shipping_method",
			Message: "no hay despacho disponible para esta dirección"})
	}
	return nil
}

func (p *Pricer) shipWith(ctx context.Context, op, code string, s Shipment, q *Quote) error {
	for _, m := range p.methods {
		if m.Code() != code {
			continue
		}
		rate, ok, err := p.rate(ctx, m, s)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if !ok {
			return commerce.Invalid(op, commerce.FieldError{Field: "shipping_method",
				Message: "no está disponible para esta dirección"})
		}
		q.Shipping = ShippingQuote{Code: m.Code(), Name: m.Name(), Amount: rate,
			Tax: commerce.Zero(p.currency)}
		return nil
	}
	return commerce.Invalid(op, commerce.FieldError{Field: "shipping_method",
		Message: "método de despacho desconocido"})
}

// rate asks a method for its rate and refuses a rate that is negative, in
// another currency or finer than minor units: a fault of the method.
func (p *Pricer) rate(ctx context.Context, m Method, s Shipment) (commerce.Money, bool, error) {
	rate, ok, err := m.Rate(ctx, s)
	if err != nil || !ok {
		return commerce.Money{}, false, err
	}
	if rate.Currency() != p.currency || rate.IsNegative() || !rate.Round().Equal(rate) {
		return commerce.Money{}, false, fmt.Errorf("shipping method %q: bad rate %s",
			m.Code(), rate)
	}
	return rate, true, nil
}

func (p *Pricer) shipment(req Request, q *Quote) Shipment {
	s := Shipment{Currency: p.currency, Country: req.Country, Region: req.Region,
		Subtotal: q.Subtotal.Sub(q.Discount)}
	for _, l := range q.Lines {
		s.Weight = s.Weight.Add(l.Weight.Mul(decimal.NewFromInt(int64(l.Quantity))))
		s.Units += l.Quantity
	}
	return s
}

// taxes finds each line's rule, computes the tax of the lines and of
// shipping, rounds it as the policy says, and sets the totals.
func (p *Pricer) taxes(country string, q *Quote) {
	n := len(q.Lines)
	exact := make([]decimal.Decimal, n+1)
	for i := range q.Lines {
		l := &q.Lines[i]
		if r, ok := p.tax.rule(country, l.Categories); ok {
			l.TaxName, l.TaxRate = r.Name, r.Rate
		}
		exact[i] = taxOf(l.Amount.Sub(l.Discount), l.TaxRate, p.tax.Inclusive)
	}
	if r, ok := p.tax.rule(country, nil); ok && p.tax.Shipping {
		exact[n] = taxOf(q.Shipping.Amount, r.Rate, p.tax.Inclusive)
	}

	rounded := roundTaxes(exact, p.currency, p.tax.Rounding)
	for i := range q.Lines {
		l := &q.Lines[i]
		l.Tax = rounded[i]
		l.Total = l.Amount.Sub(l.Discount)
		if !p.tax.Inclusive {
			l.Total = l.Total.Add(l.Tax)
		}
		q.Tax = q.Tax.Add(l.Tax)
	}
	q.Shipping.Tax = rounded[n]
	q.Tax = q.Tax.Add(rounded[n])
	if !p.tax.Inclusive {
		q.TaxExclusive = q.Tax
	}
}
