package pricing_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pricing"
)

var ctx = context.Background()

func clp(n int64) commerce.Money { return commerce.FromMinor(n, commerce.CLP) }

func usd(cents int64) commerce.Money { return commerce.FromMinor(cents, commerce.USD) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func line(price commerce.Money, qty int) pricing.Line {
	return pricing.Line{ProductID: 1, Name: "Té", SKU: "TE-1", UnitPrice: price, Quantity: qty}
}

// mustPrice prices req and checks the identities every quote must keep.
func mustPrice(t *testing.T, p *pricing.Pricer, req pricing.Request) pricing.Quote {
	t.Helper()
	q, err := p.Price(ctx, req)
	if err != nil {
		t.Fatalf("Price(%+v) = %v", req, err)
	}
	checkQuote(t, q)
	return q
}

func checkQuote(t *testing.T, q pricing.Quote) {
	t.Helper()
	c := q.Currency
	want := q.Subtotal.Add(q.Shipping.Amount).Add(q.TaxExclusive).Sub(q.Discount)
	if !q.Total.Equal(want) {
		t.Fatalf("Total = %s; want subtotal+shipping+tax-discount = %s", q.Total, want)
	}
	sum, tax, disc, amount := commerce.Zero(c), commerce.Zero(c), commerce.Zero(c), commerce.Zero(c)
	for _, l := range q.Lines {
		sum, tax = sum.Add(l.Total), tax.Add(l.Tax)
		disc, amount = disc.Add(l.Discount), amount.Add(l.Amount)
		if l.Discount.Cmp(l.Amount) > 0 || l.Discount.IsNegative() {
			t.Fatalf("line discount %s outside [0, %s]", l.Discount, l.Amount)
		}
		for _, m := range []commerce.Money{l.Tax, l.Discount, l.Total} {
			if !m.Round().Equal(m) {
				t.Fatalf("line amount %s not in minor units", m)
			}
		}
	}
	sum = sum.Add(q.Shipping.Amount)
	if !q.Inclusive {
		sum = sum.Add(q.Shipping.Tax)
	}
	if !sum.Equal(q.Total) {
		t.Fatalf("lines and shipping add up to %s; Total = %s", sum, q.Total)
	}
	if !tax.Add(q.Shipping.Tax).Equal(q.Tax) {
		t.Fatalf("line taxes + shipping tax = %s; Tax = %s", tax.Add(q.Shipping.Tax), q.Tax)
	}
	if !disc.Equal(q.Discount) || !amount.Equal(q.Subtotal) {
		t.Fatalf("lines: discount %s amount %s; quote: %s %s", disc, amount, q.Discount,
			q.Subtotal)
	}
}

func TestChileanDefaults(t *testing.T) {
	p := pricing.New(pricing.Config{})
	q := mustPrice(t, p, pricing.Request{Lines: []pricing.Line{line(clp(11990), 2)},
		Region: "RM"})
	checks := []struct {
		name string
		got  commerce.Money
		want int64
	}{
		{"subtotal", q.Subtotal, 23980},
		{"line tax", q.Lines[0].Tax, 3829}, // 23980 × 0.19 / 1.19 = 3828.74
		{"shipping", q.Shipping.Amount, 2990},
		{"shipping tax", q.Shipping.Tax, 477}, // 2990 × 0.19 / 1.19 = 477.39
		{"tax", q.Tax, 4306},
		{"tax exclusive", q.TaxExclusive, 0},
		{"total", q.Total, 26970},
	}
	for _, c := range checks {
		if c.got.Minor() != c.want || c.got.Currency() != commerce.CLP {
			t.Errorf("%s = %s; want %d CLP", c.name, c.got, c.want)
		}
	}
	if q.Shipping.Code != "despacho" || q.Lines[0].TaxName != "IVA" || !q.Inclusive {
		t.Errorf("shipping %q, tax %q, inclusive %v; want despacho, IVA, true",
			q.Shipping.Code, q.Lines[0].TaxName, q.Inclusive)
	}
}

func TestExclusiveTax(t *testing.T) {
	policy := pricing.TaxPolicy{Rules: []pricing.TaxRule{{Name: "Sales tax", Country: "US",
		Rate: dec("0.0825")}}}
	p := pricing.New(pricing.Config{Currency: commerce.USD, Tax: &policy, Country: "US",
		Methods: []pricing.Method{pricing.Flat("std", "Standard", usd(500))}})
	q := mustPrice(t, p, pricing.Request{Lines: []pricing.Line{line(usd(1999), 3)}})
	// 59.97 × 0.0825 = 4.947525; shipping is not taxed by this policy.
	if q.Lines[0].Tax.Minor() != 495 || q.TaxExclusive.Minor() != 495 {
		t.Errorf("tax = %s, exclusive %s; want 4.95 both", q.Lines[0].Tax, q.TaxExclusive)
	}
	if q.Total.Minor() != 5997+500+495 {
		t.Errorf("Total = %s; want 69.92", q.Total)
	}
}

func TestTaxRounding(t *testing.T) {
	// Three lines of 3 pesos: 0.479 of tax each.
	lines := []pricing.Line{line(clp(3), 1), line(clp(3), 1), line(clp(3), 1)}
	tests := []struct {
		rounding pricing.Rounding
		want     int64
	}{
		{pricing.RoundPerLine, 0},
		{pricing.RoundTotal, 1},
	}
	for _, tt := range tests {
		policy := pricing.ChileTaxPolicy()
		policy.Rounding = tt.rounding
		p := pricing.New(pricing.Config{Tax: &policy, Methods: []pricing.Method{
			pricing.Flat("gratis", "Gratis", clp(0))}})
		q := mustPrice(t, p, pricing.Request{Lines: lines})
		if q.Tax.Minor() != tt.want {
			t.Errorf("rounding %d: Tax = %s; want %d", tt.rounding, q.Tax, tt.want)
		}
	}
}

func TestTaxRules(t *testing.T) {
	const books, novels = commerce.CategoryID(5), commerce.CategoryID(6)
	policy := pricing.TaxPolicy{Inclusive: true, Rules: []pricing.TaxRule{
		{Name: "IVA", Country: "CL", Rate: pricing.IVA},
		{Name: "Exento", Country: "CL", CategoryID: books, Rate: decimal.Zero},
		{Name: "IVA AR", Country: "AR", Rate: dec("0.21")},
		{Name: "General", Rate: dec("0.10")},
	}}
	p := pricing.New(pricing.Config{Tax: &policy, Methods: []pricing.Method{
		pricing.Flat("gratis", "Gratis", clp(0))}})
	tests := []struct {
		country string
		cats    []commerce.CategoryID
		want    string
	}{
		{"CL", nil, "IVA"},
		{"CL", []commerce.CategoryID{novels, books}, "Exento"},
		{"AR", []commerce.CategoryID{books}, "IVA AR"},
		{"PE", nil, "General"},
	}
	for _, tt := range tests {
		l := line(clp(1190), 1)
		l.Categories = tt.cats
		q := mustPrice(t, p, pricing.Request{Lines: []pricing.Line{l}, Country: tt.country})
		if got := q.Lines[0].TaxName; got != tt.want {
			t.Errorf("tax for %s %v = %q; want %q", tt.country, tt.cats, got, tt.want)
		}
	}
}

func TestSavings(t *testing.T) {
	l := line(clp(8990), 2)
	before := clp(10990)
	l.ComparePrice = &before
	q := mustPrice(t, pricing.New(pricing.Config{}), pricing.Request{
		Lines: []pricing.Line{l}, Region: "VS"})
	if q.Savings.Minor() != 4000 || q.Lines[0].Savings.Minor() != 4000 {
		t.Errorf("Savings = %s; want 4000", q.Savings)
	}
}

func TestInvalidLines(t *testing.T) {
	p := pricing.New(pricing.Config{})
	bad := []pricing.Line{line(clp(100), 0), line(usd(100), 1),
		line(commerce.NewMoney(dec("10.5"), commerce.CLP), 1)}
	_, err := p.Price(ctx, pricing.Request{Lines: bad})
	want := []string{"lines[0].quantity", "lines[1].unit_price", "lines[2].unit_price"}
	fields := commerce.ErrorFields(err)
	if commerce.ErrorKind(err) != commerce.KindInvalid || len(fields) != len(want) {
		t.Fatalf("Price(bad) = %v; want invalid %v", err, want)
	}
	for i, f := range fields {
		if f.Field != want[i] {
			t.Errorf("field %d = %q; want %q", i, f.Field, want[i])
		}
	}
}

func TestEmptyRequest(t *testing.T) {
	q := mustPrice(t, pricing.New(pricing.Config{}), pricing.Request{})
	if !q.Total.IsZero() || q.Shipping.Code != "" {
		t.Errorf("empty quote: total %s, shipping %q; want 0 and none", q.Total, q.Shipping.Code)
	}
}
