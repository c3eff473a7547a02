package pricing_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pricing"
)

func TestShippingChoice(t *testing.T) {
	methods := []pricing.Method{
		pricing.ByRegion("despacho", "Despacho", "CL", pricing.ChileanRegionalRates()),
		pricing.FreeAbove(pricing.Flat("express", "Express", clp(5990)), clp(100000)),
		pricing.ByWeight("carga", "Carga", []pricing.WeightBracket{
			{UpTo: dec("1"), Amount: clp(1990)}, {UpTo: dec("10"), Amount: clp(3490)}}),
		pricing.Pickup("retiro", "Retiro en tienda", "Av. Providencia 1234"),
	}
	p := pricing.New(pricing.Config{Methods: methods})
	light := line(clp(1000), 1)
	light.Weight = dec("0.5")
	heavy := line(clp(60000), 2)
	heavy.Weight = dec("20")
	tests := []struct {
		name   string
		lines  []pricing.Line
		region string
		method string
		code   string
		amount int64
		bad    bool
	}{
		{"cheapest is by weight", []pricing.Line{light}, "RM", "", "carga", 1990, false},
		{"too heavy for weight", []pricing.Line{heavy}, "MA", "", "express", 0, false},
		{"region rate", []pricing.Line{heavy}, "MA", "despacho", "despacho", 9990, false},
		{"pickup only on request", []pricing.Line{light}, "AP", "retiro", "retiro", 0, false},
		{"express below threshold", []pricing.Line{light}, "RM", "express", "express", 5990,
			false},
		{"unknown method", []pricing.Line{light}, "RM", "dron", "", 0, true},
		{"region not served", []pricing.Line{light}, "XX", "despacho", "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := pricing.Request{Lines: tt.lines, Region: tt.region, ShippingMethod: tt.method}
			if tt.bad {
				_, err := p.Price(ctx, req)
				f := commerce.ErrorFields(err)
				if len(f) != 1 || f[0].Field != "shipping_method" {
					t.Fatalf("Price = %v; want invalid shipping_method", err)
				}
				return
			}
			q := mustPrice(t, p, req)
			if q.Shipping.Code != tt.code || q.Shipping.Amount.Minor() != tt.amount {
				t.Errorf("shipping = %s %s; want %s %d", q.Shipping.Code, q.Shipping.Amount,
					tt.code, tt.amount)
			}
		})
	}
}

func TestNoShippingAvailable(t *testing.T) {
	p := pricing.New(pricing.Config{Methods: []pricing.Method{
		pricing.Pickup("retiro", "Retiro", "")}})
	_, err := p.Price(ctx, pricing.Request{Lines: []pricing.Line{line(clp(1000), 1)}})
	if f := commerce.ErrorFields(err); len(f) != 1 || f[0].Field != "shipping_method" {
		t.Errorf("Price with pickup only = %v; want invalid shipping_method", err)
	}
}

func TestOptions(t *testing.T) {
	p := pricing.New(pricing.Config{})
	opts, err := p.Options(ctx, pricing.Request{Lines: []pricing.Line{line(clp(1000), 1)},
		Region: "BI"})
	if err != nil {
		t.Fatal(err)
	}
	if len(opts) != 2 || opts[0].Amount.Minor() != 4990 || opts[1].Code != "retiro" {
		t.Errorf("Options = %+v; want despacho 4990 and retiro", opts)
	}
}

func TestChileanRegions(t *testing.T) {
	regions := pricing.ChileanRegions()
	rates := pricing.ChileanRegionalRates()
	if len(regions) != 16 || len(rates) != 16 {
		t.Fatalf("%d regions, %d rates; want 16", len(regions), len(rates))
	}
	for _, r := range regions {
		for _, in := range []string{r.Code, "cl-" + r.Code, r.Name} {
			if got, ok := pricing.ChileanRegionCode(in); !ok || got != r.Code {
				t.Errorf("ChileanRegionCode(%q) = %q, %v; want %q", in, got, ok, r.Code)
			}
		}
		if _, ok := rates[r.Code]; !ok {
			t.Errorf("no rate for %s", r.Code)
		}
	}
	for in, want := range map[string]string{"valparaiso": "VS", "Región de Ñuble": "NB",
		"Metropolitana": "RM", "nuble": "NB", "Aysén": "AI"} {
		if got, ok := pricing.ChileanRegionCode(in); !ok || got != want {
			t.Errorf("ChileanRegionCode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := pricing.ChileanRegionCode("Mendoza"); ok {
		t.Error("ChileanRegionCode(Mendoza) found a region")
	}
}

func TestCountryCode(t *testing.T) {
	for in, want := range map[string]string{"Chile": "CL", "cl": "CL", "Perú": "PE",
		"España": "ES"} {
		if got, ok := pricing.CountryCode(in); !ok || got != want {
			t.Errorf("CountryCode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := pricing.CountryCode("Narnia"); ok {
		t.Error("CountryCode(Narnia) found a country")
	}
}
