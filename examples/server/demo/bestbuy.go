package demo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/ecommerce-moderno/moderno/catalog"
)

// bestBuyRecord is one product of products-sample.json, with the fields the
// store uses.
type bestBuyRecord struct {
	SKU          json.Number             `json:"sku"`
	Name         string                  `json:"name"`
	Type         string                  `json:"type"`
	Price        json.Number             `json:"price"`
	UPC          string                  `json:"upc"`
	Category     []struct{ Name string } `json:"category"`
	Description  string                  `json:"description"`
	Manufacturer string                  `json:"manufacturer"`
	Model        string                  `json:"model"`
}

// kinds translates Best Buy's product types for the "tipo" attribute.
var kinds = map[string]string{"HardGood": "Artículo", "Game": "Videojuego",
	"Software": "Software"}

// readBestBuy reads a JSON array of Best Buy products. A record that does
// not decode or lacks what a product needs is rejected with its line and
// number; a file that is not a JSON array stops the source.
func readBestBuy(r io.Reader, src *source, limit int) ([]item, []rejection, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, nil, fmt.Errorf("want a JSON array of products")
	}
	lines := lineCounter{data: data}
	var (
		items    []item
		rejected []rejection
	)
	for n := 1; dec.More() && (limit == 0 || n <= limit); n++ {
		line := lines.at(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			rejected = append(rejected, rejection{line: line, record: n,
				reason: "JSON no válido: " + err.Error()})
			break // past a syntax error no record can be found
		}
		it, err := bestBuyItem(raw, src)
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

// bestBuyItem checks one record and turns it into an item.
func bestBuyItem(raw json.RawMessage, src *source) (item, error) {
	var rec bestBuyRecord
	if err := json.Unmarshal(raw, &rec); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return item{}, fmt.Errorf("campo %s: tipo no válido", typeErr.Field)
		}
		return item{}, fmt.Errorf("registro no válido: %w", err)
	}
	it := item{src: src, name: clean(html.UnescapeString(rec.Name)),
		brand: clean(rec.Manufacturer), kind: rec.Type}
	if rec.SKU != "" {
		it.sku = src.prefix + rec.SKU.String()
	}
	if it.sku == "" || it.name == "" {
		return it, missing(it.sku, it.name)
	}
	if err := it.setPrice(rec.Price.String()); err != nil {
		return it, err
	}
	it.path = bestBuyPath(rec.Category)
	it.desc = clean(html.UnescapeString(rec.Description))
	it.short = shortLine("Marca "+it.brand, "modelo "+clean(rec.Model))
	it.code = clean(rec.UPC)
	it.attrs = attributes("upc", it.code, "modelo", clean(rec.Model), "tipo", kinds[rec.Type])
	it.stem, it.colour = splitColour(it.name)
	return it, nil
}

// setPrice parses the source's price and converts it to CLP.
func (it *item) setPrice(text string) error {
	amount, err := parsePrice(strings.TrimSpace(text))
	if err != nil {
		return err
	}
	price, err := toCLP(amount, it.src.rate)
	if err != nil {
		return err
	}
	it.price = price
	return nil
}

// missing explains which of the fields every product needs is empty.
func missing(sku, name string) error {
	if sku == "" {
		return errors.New("sin SKU")
	}
	return errors.New("sin nombre")
}

// bestBuyPath translates a Best Buy category path into ours. Merchandising
// departments and products without a category go to otherDepartment.
func bestBuyPath(cats []struct{ Name string }) []string {
	if len(cats) == 0 || foldedDepartments[cats[0].Name] {
		return []string{otherDepartment}
	}
	path := make([]string, 0, len(cats))
	for _, c := range cats {
		name := clean(c.Name)
		if es, ok := spanish[name]; ok {
			name = es
		}
		if name == "" {
			break
		}
		path = append(path, name)
	}
	return path
}

// splitColour splits "Brand - Model - Colour" into its stem and colour. A
// name with fewer than three segments has no colour.
func splitColour(name string) (stem, colour string) {
	i := strings.LastIndex(name, " - ")
	if i < 0 || strings.Count(name[:i], " - ") == 0 {
		return "", ""
	}
	return name[:i], strings.TrimSpace(name[i+3:])
}

// attributes builds attributes from name, value pairs, skipping empty values.
func attributes(pairs ...string) []catalog.Attribute {
	var out []catalog.Attribute
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			out = append(out, catalog.Attribute{Name: pairs[i], Value: truncate(pairs[i+1], 255)})
		}
	}
	return out
}

// lineCounter turns byte offsets, met in increasing order, into line numbers.
type lineCounter struct {
	data []byte
	off  int64
	line int
}

// at returns the line of the first byte at or after off that is not space
// or a comma, where the next JSON value starts.
func (c *lineCounter) at(off int64) int {
	for off < int64(len(c.data)) && strings.IndexByte(" \t\r\n,", c.data[off]) >= 0 {
		off++
	}
	if c.line == 0 {
		c.line = 1
	}
	c.line += bytes.Count(c.data[c.off:off], []byte{'\n'})
	c.off = off
	return c.line
}
