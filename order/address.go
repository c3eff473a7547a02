package order

import (
	"strings"
	"unicode/utf8"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pricing"
)

// Address is where an order goes, or who it is billed to.
type Address struct {
	Name       string `json:"name,omitempty"`
	Street     string `json:"street"`
	City       string `json:"city"`
	Region     string `json:"region,omitempty"` // ISO 3166-2 code without the country, "RM"
	PostalCode string `json:"postal_code,omitempty"`
	Country    string `json:"country"` // ISO 3166-1 alpha-2, "CL"
	Phone      string `json:"phone,omitempty"`
}

// Normalize trims every field, turns the country into its code ("Chile" into
// "CL") and a Chilean region into its code ("Valparaíso" into "VS"), and adds
// to bad what is wrong, with field names under prefix, such as
// "shipping_address.". An empty country is the store's, defaultCountry.
func (a *Address) Normalize(bad *commerce.Fields, prefix, defaultCountry string) {
	for _, f := range []*string{&a.Name, &a.Street, &a.City, &a.Region, &a.PostalCode,
		&a.Country, &a.Phone} {
		*f = strings.TrimSpace(*f)
	}
	text(bad, prefix+"name", a.Name, 0, 255)
	text(bad, prefix+"street", a.Street, 1, 255)
	text(bad, prefix+"city", a.City, 1, 100)
	text(bad, prefix+"postal_code", a.PostalCode, 0, 20)
	text(bad, prefix+"phone", a.Phone, 0, 30)
	if a.Country == "" {
		a.Country = defaultCountry
	}
	code, ok := pricing.CountryCode(a.Country)
	if !ok {
		bad.Add(prefix+"country", "país desconocido")
		return
	}
	a.Country = code
	if code != "CL" {
		text(bad, prefix+"region", a.Region, 0, 100)
		return
	}
	region, ok := pricing.ChileanRegionCode(a.Region)
	if !ok {
		bad.Add(prefix+"region", "indique una de las 16 regiones de Chile")
		return
	}
	a.Region = region
}

func text(bad *commerce.Fields, field, v string, minLen, maxLen int) {
	n := utf8.RuneCountInString(v)
	switch {
	case !utf8.ValidString(v):
		bad.Add(field, "no es texto UTF-8 válido")
	case n < minLen:
		bad.Add(field, "es obligatorio")
	case n > maxLen:
		bad.Add(field, "demasiado largo")
	}
}
