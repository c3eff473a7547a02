package rest

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// maxQuery bounds the raw query string; no listing needs more.
const maxQuery = 2048

// params are the query parameters of one request, each present once.
// Reading one records what is wrong with it in bad.
type params struct {
	values map[string]string
	bad    commerce.Fields
}

// readParams reads the query string strictly: it must parse, and every
// parameter must be one of allowed (name to maximum length in characters),
// appear once, and be valid UTF-8 without control characters. An empty
// value counts as absent.
func readParams(rawQuery string, allowed map[string]int) (*params, error) {
	p := &params{values: map[string]string{}}
	if len(rawQuery) > maxQuery {
		return nil, malformed(commerce.FieldError{Field: "query",
			Message: fmt.Sprintf("la consulta admite hasta %d caracteres", maxQuery)})
	}
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, malformed(commerce.FieldError{Field: "query",
			Message: "la consulta no está bien codificada"})
	}
	for name, vs := range q {
		p.check(name, vs, allowed)
	}
	if len(p.bad) > 0 {
		return nil, malformed(p.bad...)
	}
	return p, nil
}

func (p *params) check(name string, vs []string, allowed map[string]int) {
	field := printable(name)
	maxLen, ok := allowed[name]
	switch {
	case !ok:
		p.bad.Add(field, "parámetro desconocido")
	case len(vs) > 1:
		p.bad.Add(field, "aparece más de una vez")
	case !utf8.ValidString(vs[0]):
		p.bad.Add(field, "no es texto UTF-8 válido")
	case hasControl(vs[0]):
		p.bad.Add(field, "contiene caracteres de control")
	case utf8.RuneCountInString(vs[0]) > maxLen:
		p.bad.Add(field, fmt.Sprintf("máximo %d caracteres", maxLen))
	case vs[0] != "":
		p.values[name] = vs[0]
	}
}

// printable returns a parameter name safe to echo in an error body.
func printable(name string) string {
	if !utf8.ValidString(name) || hasControl(name) || utf8.RuneCountInString(name) > 64 {
		return "query"
	}
	return name
}

func hasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}

// err returns the fields found wrong while reading values, as a malformed
// request, or nil.
func (p *params) err() error {
	if len(p.bad) == 0 {
		return nil
	}
	return malformed(p.bad...)
}

// int reads a whole number in [lo, hi]; def when absent.
func (p *params) int(name string, lo, hi, def int) int {
	s, ok := p.values[name]
	if !ok {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || !allDigits(s) || n < lo || n > hi {
		p.bad.Add(name, fmt.Sprintf("debe ser un entero entre %d y %d", lo, hi))
		return def
	}
	return n
}

// bool reads "true" or "false"; nil when absent.
func (p *params) bool(name string) *bool {
	s, ok := p.values[name]
	if !ok {
		return nil
	}
	b := s == "true"
	if !b && s != "false" {
		p.bad.Add(name, "debe ser true o false")
		return nil
	}
	return &b
}

// maxAmount is the first amount a price filter may not reach: prices are
// stored as DECIMAL(14,2).
var maxAmount = decimal.New(1, 12)

// amount reads a plain decimal amount such as 12990 or 19.99: no sign, no
// exponent, at most two decimals, below maxAmount. It returns nil when absent.
func (p *params) amount(name string) *decimal.Decimal {
	s, ok := p.values[name]
	if !ok {
		return nil
	}
	if s[0] == '-' && plainDecimal(s[1:]) {
		p.bad.Add(name, "no puede ser negativo")
		return nil
	}
	if !plainDecimal(s) {
		p.bad.Add(name, "debe ser un monto como 12990 o 19.99")
		return nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.GreaterThanOrEqual(maxAmount) {
		p.bad.Add(name, "debe ser menor que 1000000000000")
		return nil
	}
	return &d
}

// ref reads a slug or a numeric id; "" when absent.
func (p *params) ref(name string) string {
	s, ok := p.values[name]
	if ok && !validRef(s) {
		p.bad.Add(name, "debe ser un slug (minúsculas, dígitos y guiones) o un id")
		return ""
	}
	return s
}

// text reads free text; "" when absent.
func (p *params) text(name string) string { return p.values[name] }

// oneOf reads a value that must be one of choices; def when absent.
func (p *params) oneOf(name, def, message string, choices ...string) string {
	s, ok := p.values[name]
	if !ok {
		return def
	}
	for _, c := range choices {
		if s == c {
			return s
		}
	}
	p.bad.Add(name, message)
	return def
}

// plainDecimal reports whether s is digits with an optional point followed
// by one or two digits, at most 20 characters.
func plainDecimal(s string) bool {
	whole, frac, hasPoint := strings.Cut(s, ".")
	if len(s) > 20 || !allDigits(whole) {
		return false
	}
	return !hasPoint || (len(frac) >= 1 && len(frac) <= 2 && allDigits(frac))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validRef reports whether s can name a product, category or brand: a
// positive id or a slug of lower-case letters, digits and hyphens.
func validRef(s string) bool {
	if s == "" || len(s) > 255 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	_, isID := commerce.ParseID(s)
	return isID || !allDigits(s)
}
