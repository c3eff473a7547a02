package commerce

import "strings"

// Currency is an ISO 4217 currency code such as "CLP" or "USD".
type Currency string

// A few of the currencies the store knows; ParseCurrency knows more.
const (
	CLP Currency = "CLP"
	USD Currency = "USD"
	EUR Currency = "EUR"
	GBP Currency = "GBP"
	ARS Currency = "ARS"
)

// currencyInfo is what formatting and rounding need to know of a currency.
type currencyInfo struct {
	minor  int32
	symbol string
}

var currencies = map[Currency]currencyInfo{
	"ARS": {2, "ARS$"},
	"BRL": {2, "R$"},
	"CLP": {0, "$"},
	"COP": {2, "COL$"},
	"EUR": {2, "€"},
	"GBP": {2, "£"},
	"JPY": {0, "¥"},
	"KRW": {0, "₩"},
	"MXN": {2, "MX$"},
	"PEN": {2, "S/"},
	"USD": {2, "US$"},
	"UYU": {2, "$U"},
}

// ParseCurrency returns the known currency with the given code, in any case.
// It returns an error of kind KindInvalid for an unknown code.
func ParseCurrency(code string) (Currency, error) {
	c := Currency(strings.ToUpper(strings.TrimSpace(code)))
	if _, ok := currencies[c]; !ok {
		return "", Errorf(KindInvalid, "parse currency", "moneda desconocida: %q", code)
	}
	return c, nil
}

// MinorUnits is the number of decimal digits the currency uses: 0 for CLP,
// 2 for USD. An unknown currency is treated as having 2.
func (c Currency) MinorUnits() int32 {
	if info, ok := currencies[c]; ok {
		return info.minor
	}
	return 2
}

// Symbol is the sign shown before an amount in es-CL formatting.
func (c Currency) Symbol() string {
	if info, ok := currencies[c]; ok {
		return info.symbol
	}
	return string(c) + " "
}

// Valid reports whether the currency is known.
func (c Currency) Valid() bool {
	_, ok := currencies[c]
	return ok
}
