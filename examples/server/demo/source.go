package demo

import (
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// The files Import reads, gzip-compressed, from Config.Data.
const (
	BestBuyFile = "bestbuy-products-sample.json.gz"
	PreciosFile = "precios-claros-catalogo.csv.gz"
)

// item is one source row, read and checked, on its way to becoming a product
// or, for grouped Best Buy colours, a variant.
type item struct {
	src    *source
	line   int // where the row starts in the uncompressed file, from 1
	record int // the row's number among the file's records, from 1

	sku    string // with the source's prefix: "BBY-43900"
	name   string
	brand  string // as the source writes it; "" for none
	price  commerce.Money
	path   []string // the category names from the root down
	shelf  int      // Precios Claros: the rule that placed it, or a placement below
	desc   string
	short  string
	attrs  []catalog.Attribute
	weight *decimal.Decimal
	code   string // the barcode, when the source has one

	// Best Buy only, to group colours: the name without its last segment,
	// that segment, and the product type.
	stem, colour, kind string
}

// Placements of a Precios Claros product that no keyword rule made.
const (
	placedBySource  = -2 // its own categoria/subcategoria
	placedByDefault = -1 // Supermercado > Otros
)

// rejection is a row that could not be read: where, and why.
type rejection struct {
	line, record int
	sku, reason  string
}

// source is one data set: what it is called, where it comes from, how its
// prices convert, and how to read it.
type source struct {
	name     string
	file     string
	prefix   string
	currency commerce.Currency
	rate     int64
	read     func(r io.Reader, src *source, limit int) ([]item, []rejection, error)
}

// sources returns the two data sets, Best Buy first, with a fresh
// classifier for the supermarket rules.
func sources(c *classifier) []*source {
	return []*source{
		{name: "Best Buy", file: BestBuyFile, prefix: "BBY-", currency: commerce.USD,
			rate: USDToCLP, read: readBestBuy},
		{name: "Precios Claros", file: PreciosFile, prefix: "PCA-", currency: commerce.ARS,
			rate: ARSToCLP, read: func(r io.Reader, src *source, limit int) ([]item,
				[]rejection, error) {
				return readPrecios(r, src, limit, c)
			}},
	}
}

// load opens the source's file in fsys, uncompresses and reads it.
func (s *source) load(fsys fs.FS, limit int) ([]item, []rejection, error) {
	f, err := fsys.Open(s.file)
	if err != nil {
		return nil, nil, fmt.Errorf("open %s: %w", s.file, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, fmt.Errorf("uncompress %s: %w", s.file, err)
	}
	defer zr.Close()
	items, rejected, err := s.read(zr, s, limit)
	if err != nil {
		return items, rejected, fmt.Errorf("read %s: %w", s.file, err)
	}
	return items, rejected, nil
}
