package catalog

import (
	"context"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// validateProduct checks a product's fields and that its category and brand
// exist.
func (s *Service) validateProduct(ctx context.Context, op string, p *Product) error {
	if err := s.checkProduct(op, p); err != nil {
		return err
	}
	var bad commerce.Fields
	if _, err := s.store.Category(ctx, p.CategoryID); err != nil {
		if commerce.ErrorKind(err) != commerce.KindNotFound {
			return err
		}
		bad.Add("category_id", "la categoría no existe")
	}
	if p.BrandID != 0 {
		if _, err := s.store.Brand(ctx, p.BrandID); err != nil {
			if commerce.ErrorKind(err) != commerce.KindNotFound {
				return err
			}
			bad.Add("brand_id", "la marca no existe")
		}
	}
	return bad.Err(op)
}

// checkProduct checks what can be checked without the store.
func (s *Service) checkProduct(op string, p *Product) error {
	var bad commerce.Fields
	checkText(&bad, "name", p.Name, 1, 255)
	bad.Check(validSlug(p.Slug) && len(p.Slug) <= 255, "slug",
		"solo minúsculas, dígitos y guiones; máximo 255")
	checkCode(&bad, "sku", p.SKU, 1, 100)
	checkText(&bad, "short_description", p.ShortDescription, 0, 500)
	checkText(&bad, "description", p.Description, 0, 65535)
	checkBytes(&bad, "description", p.Description, 65535)
	checkText(&bad, "meta_title", p.MetaTitle, 0, 255)
	checkText(&bad, "meta_description", p.MetaDescription, 0, 500)
	s.checkPrice(&bad, "price", &p.Price)
	s.checkPrice(&bad, "compare_price", p.ComparePrice)
	s.checkPrice(&bad, "cost_price", p.CostPrice)
	bad.Check(p.CategoryID > 0, "category_id", "es obligatoria")
	checkWeight(&bad, "weight", p.Weight)
	if d := p.Dimensions; d != nil {
		bad.Check(!d.Length.IsNegative() && !d.Width.IsNegative() && !d.Height.IsNegative(),
			"dimensions", "no pueden ser negativas")
	}
	for i, img := range p.Images {
		checkText(&bad, "images["+itoa(i)+"].url", img.URL, 1, 500)
		checkText(&bad, "images["+itoa(i)+"].alt", img.Alt, 0, 255)
	}
	for i, a := range p.Attributes {
		checkText(&bad, "attributes["+itoa(i)+"].name", a.Name, 1, 100)
		checkText(&bad, "attributes["+itoa(i)+"].value", a.Value, 1, 255)
	}
	// SKUs differing only in case are one SKU to a case-insensitive
	// database, as MariaDB's collation is.
	skus := map[string]bool{strings.ToLower(p.SKU): true}
	for i := range p.Variants {
		s.checkVariant(&bad, "variants["+itoa(i)+"]", &p.Variants[i], skus)
	}
	return bad.Err(op)
}

func (s *Service) checkVariant(bad *commerce.Fields, field string, v *Variant,
	skus map[string]bool) {
	checkText(bad, field+".name", v.Name, 1, 255)
	checkCode(bad, field+".sku", v.SKU, 1, 100)
	sku := strings.ToLower(v.SKU)
	bad.Check(!skus[sku], field+".sku", "repetido en este producto")
	skus[sku] = true
	checkText(bad, field+".barcode", v.Barcode, 0, 100)
	s.checkPrice(bad, field+".price", v.Price)
	s.checkPrice(bad, field+".compare_price", v.ComparePrice)
	s.checkPrice(bad, field+".cost_price", v.CostPrice)
	checkWeight(bad, field+".weight", v.Weight)
	for j, o := range v.Options {
		checkText(bad, field+".options["+itoa(j)+"].name", o.Name, 1, 100)
		checkText(bad, field+".options["+itoa(j)+"].value", o.Value, 1, 100)
	}
}

// checkPrice checks an optional price: in the store's currency, not
// negative, with no more decimals than the currency has, and below the
// largest amount the schema holds.
func (s *Service) checkPrice(bad *commerce.Fields, field string, m *commerce.Money) {
	switch {
	case m == nil:
	case m.Currency() != s.currency:
		bad.Add(field, "debe estar en "+string(s.currency))
	case m.IsNegative():
		bad.Add(field, "no puede ser negativo")
	case !m.Round().Equal(*m):
		bad.Add(field, "tiene más decimales de los que admite "+string(s.currency))
	case m.Amount().GreaterThanOrEqual(maxPrice):
		bad.Add(field, "es demasiado alto")
	}
}

// checkWeight checks an optional weight in kilograms: not negative and
// below the largest the schema's DECIMAL(10,3) columns hold.
func checkWeight(bad *commerce.Fields, field string, w *decimal.Decimal) {
	switch {
	case w == nil:
	case w.IsNegative():
		bad.Add(field, "no puede ser negativo")
	case w.GreaterThanOrEqual(maxWeight):
		bad.Add(field, "es demasiado alto: menos de 10.000.000 kg")
	}
}

// checkBytes checks a text bound in bytes, as a TEXT column is: 65535
// bytes hold fewer characters than that when they are not ASCII.
func checkBytes(bad *commerce.Fields, field, v string, maxBytes int) {
	bad.Check(len(v) <= maxBytes, field, "demasiado largo: máximo "+itoa(maxBytes)+" bytes")
}

func checkText(bad *commerce.Fields, field, v string, minLen, maxLen int) {
	n := utf8.RuneCountInString(v)
	switch {
	case !utf8.ValidString(v):
		bad.Add(field, "no es texto UTF-8 válido")
	case minLen > 0 && (n < minLen || strings.TrimSpace(v) == ""):
		bad.Add(field, "es obligatorio")
	case n > maxLen:
		bad.Add(field, "máximo "+itoa(maxLen)+" caracteres")
	case strings.IndexFunc(v, forbidden) >= 0:
		bad.Add(field, "contiene caracteres de control")
	}
}

// forbidden reports the control characters no catalog text may hold: all
// but tab and line breaks.
func forbidden(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// checkCode checks a code people type and read back, such as a SKU: text
// of minLen to maxLen characters with no control or invisible formatting
// characters and no space at either end.
func checkCode(bad *commerce.Fields, field, v string, minLen, maxLen int) {
	checkText(bad, field, v, minLen, maxLen)
	invisible := func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }
	if utf8.ValidString(v) && v != "" && (strings.TrimSpace(v) != v ||
		strings.IndexFunc(v, invisible) >= 0) {
		bad.Add(field, "solo caracteres visibles, sin espacios al inicio ni al final")
	}
}

// maxPrice is the first amount the schema's DECIMAL(14,2) columns cannot hold.
var maxPrice = decimal.New(1, 12)

// maxWeight is the first weight the schema's DECIMAL(10,3) columns cannot hold.
var maxWeight = decimal.New(1, 7)

func itoa(i int) string { return strconv.Itoa(i) }
