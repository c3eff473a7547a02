package demo

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
)

// preciosColumns are the columns of catalogo.csv the store uses.
var preciosColumns = []string{"id_producto", "marca", "nombre", "presentacion",
	"precio_mediana_ars", "categoria", "subcategoria"}

// noBrand is how Precios Claros marks unbranded goods (produce, meat, bread).
const noBrand = "SIN MARCA"

// readPrecios reads catalogo.csv. A row that does not parse or lacks what a
// product needs is rejected with its line; a file without the expected
// header stops the source.
func readPrecios(r io.Reader, src *source, limit int, c *classifier) ([]item, []rejection,
	error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("read header: %w", err)
	}
	col, err := columnIndex(header, preciosColumns)
	if err != nil {
		return nil, nil, err
	}
	var (
		items    []item
		rejected []rejection
	)
	for n := 1; limit == 0 || n <= limit; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			rejected = append(rejected, rejection{line: csvLine(err, line), record: n,
				reason: "CSV no válido: " + csvReason(err)})
			continue
		}
		row := make(map[string]string, len(col))
		for name, i := range col {
			row[name] = clean(rec[i])
		}
		it, err := preciosItem(row, src, c)
		it.line, it.record = line, n
		if err != nil {
			rejected = append(rejected, rejection{line: line, record: n, sku: it.sku,
				reason: err.Error()})
			continue
		}
		items = append(items, it)
	}
	return items, rejected, nil
}

// columnIndex finds each wanted column in the header.
func columnIndex(header, want []string) (map[string]int, error) {
	col := make(map[string]int, len(want))
	for i, h := range header {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	found := make(map[string]int, len(want))
	for _, w := range want {
		i, ok := col[w]
		if !ok {
			return nil, fmt.Errorf("missing column %q", w)
		}
		found[w] = i
	}
	return found, nil
}

// csvLine returns the line a CSV error names, or line when it names none.
func csvLine(err error, line int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) && pe.StartLine > 0 {
		return pe.StartLine
	}
	return line
}

// csvReason returns what went wrong without the position, which the
// rejection carries.
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// preciosItem checks one row and turns it into an item.
func preciosItem(row map[string]string, src *source, c *classifier) (item, error) {
	it := item{src: src, name: row["nombre"], brand: row["marca"]}
	if id := row["id_producto"]; id != "" {
		it.sku = src.prefix + id
	}
	if it.sku == "" || it.name == "" {
		return it, missing(it.sku, it.name)
	}
	if err := it.setMedian(row["precio_mediana_ars"]); err != nil {
		return it, err
	}
	if strings.EqualFold(it.brand, noBrand) {
		it.brand = ""
	}
	it.brand = titleCase(it.brand)
	pres := presentation(row["presentacion"])
	it.path, it.shelf = supermarketPath(row["categoria"], row["subcategoria"], it.name, c)
	it.desc = preciosDescription(it.name, it.brand, pres)
	it.short = shortLine("Marca "+it.brand, "Presentación: "+pres)
	if ean := row["id_producto"]; isEAN(ean) {
		it.code = ean
	}
	it.attrs = attributes("presentación", pres, "ean", it.code)
	it.weight = weightKg(pres)
	return it, nil
}

// setMedian converts the median price, rejecting the implausible ones.
func (it *item) setMedian(text string) error {
	amount, err := parsePrice(text)
	if err != nil {
		return err
	}
	if amount.IsPositive() && amount.LessThan(minPriceARS) {
		return fmt.Errorf("precio mediano %s ARS bajo el mínimo plausible de %s ARS", amount,
			minPriceARS)
	}
	return it.setPrice(text)
}

// supermarketPath places a product in the supermarket branch: by its own
// category when it has one we know, else by the keyword rules, else in the
// default aisle. It returns the path and how the product was placed.
func supermarketPath(categoria, subcategoria, name string, c *classifier) ([]string, int) {
	if sh, ok := sourceShelf(categoria, subcategoria); ok {
		return shelfPath(sh), placedBySource
	}
	if i := c.classify(name); i >= 0 {
		return shelfPath(c.rules[i].shelf), i
	}
	return []string{Supermarket, DefaultAisle}, placedByDefault
}

// sourceShelf looks a Precios Máximos category up.
func sourceShelf(categoria, subcategoria string) (shelf, bool) {
	if sh, ok := sourceShelves.bySubcategory[subcategoria]; ok && categoria != "" {
		return sh, true
	}
	sh, ok := sourceShelves.byCategory[categoria]
	return sh, ok
}

// shelfPath returns the category path of a shelf.
func shelfPath(s shelf) []string {
	if s.Section == "" {
		return []string{Supermarket, s.Aisle}
	}
	return []string{Supermarket, s.Aisle, s.Section}
}

// presentation tidies a pack size: "500.0 gr" → "500 gr", "1.5 lt" stays.
func presentation(p string) string {
	qty, unit, ok := strings.Cut(p, " ")
	if !ok {
		return p
	}
	return strings.TrimSuffix(qty, ".0") + " " + unit
}

// weightKg returns the weight of a pack sold by gram or kilogram, in kg.
func weightKg(pres string) *decimal.Decimal {
	qty, unit, _ := strings.Cut(pres, " ")
	d, err := decimal.NewFromString(qty)
	if err != nil || !d.IsPositive() {
		return nil
	}
	switch strings.ToLower(unit) {
	case "gr":
		d = d.Div(decimal.NewFromInt(1000))
	case "kg":
	default:
		return nil
	}
	return &d
}

// isEAN reports whether id is an EAN-8 or EAN-13 code rather than a store's
// internal code such as "36-3-0200099800000".
func isEAN(id string) bool {
	if len(id) != 8 && len(id) != 13 {
		return false
	}
	for _, r := range id {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// preciosDescription composes a short Spanish description, since the source
// has none: "Yerba Mate Taragüi 1 Kg, de Taragüi, en presentación de 1 kg."
func preciosDescription(name, brand, pres string) string {
	var b strings.Builder
	b.WriteString(name)
	if brand != "" {
		b.WriteString(", de " + brand)
	}
	if pres != "" {
		b.WriteString(", en presentación de " + pres)
	}
	b.WriteString(". Producto de supermercado con precio de muestra.")
	return b.String()
}
