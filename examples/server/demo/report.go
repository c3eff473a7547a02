package demo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Progress tells how far an import has gone. Step is one of "leer",
// "categorías", "marcas", "productos" and "stock"; Source names the data set
// while reading and importing products, and is empty otherwise. Done and
// Total count source rows for "leer" and "productos", and categories,
// brands or stock levels for the other steps.
type Progress struct {
	Step   string
	Source string
	Done   int
	Total  int
}

// Report is what an import did.
type Report struct {
	Sources  []SourceReport
	Created  int // products created; a product with colour variants counts once
	Updated  int // products that existed and were updated
	Rejected []Rejection
	// Categories counts the source rows imported into each category, by
	// path, such as "Supermercado > Lácteos > Yogures".
	Categories []CategoryCount
	// Rules counts the Precios Claros rows each keyword rule placed, by
	// shelf; BySourceCategory those placed by their own category, and
	// ByDefault those that fell to "Supermercado > Otros".
	Rules            []CategoryCount
	BySourceCategory int
	ByDefault        int

	Brands      int // brands the catalog has for the demo, found or created
	Featured    int
	StockLevels int
	Duration    time.Duration
}

// SourceReport is what became of one data set.
type SourceReport struct {
	Name     string
	File     string // the uncompressed file name, as line numbers refer to it
	Currency commerce.Currency
	Rate     int64 // CLP per unit of Currency
	Rows     int   // records read, good and bad
	Imported int   // rows stored as a product or as a variant
	Rejected int
}

// Rejection is a source row that was not imported.
type Rejection struct {
	File   string
	Line   int // where the row starts, from 1
	Record int // the row's number among the file's records, from 1
	SKU    string
	Reason string
}

// String returns "file:line: (record n, SKU) reason".
func (r Rejection) String() string {
	sku := ""
	if r.SKU != "" {
		sku = ", " + r.SKU
	}
	return fmt.Sprintf("%s:%d: (registro %d%s) %s", r.File, r.Line, r.Record, sku, r.Reason)
}

// CategoryCount is a number of rows under a category path.
type CategoryCount struct {
	Path  string
	Count int
}

// String summarises the report in a few lines, for a server to print.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "catálogo demo: %d productos creados, %d actualizados, %d filas rechazadas"+
		" en %s\n", r.Created, r.Updated, len(r.Rejected), r.Duration.Round(time.Millisecond))
	for _, s := range r.Sources {
		fmt.Fprintf(&b, "  %s (%s, 1 %s = %d CLP): %d filas, %d importadas, %d rechazadas\n",
			s.Name, s.File, s.Currency, s.Rate, s.Rows, s.Imported, s.Rejected)
	}
	fmt.Fprintf(&b, "  supermercado: %d por su categoría, %d por reglas, %d a %s > %s\n",
		r.BySourceCategory, r.byRules(), r.ByDefault, Supermarket, DefaultAisle)
	fmt.Fprintf(&b, "  %d marcas, %d destacados, %d niveles de stock\n", r.Brands, r.Featured,
		r.StockLevels)
	for _, rej := range r.Rejected[:min(len(r.Rejected), 10)] {
		fmt.Fprintf(&b, "  rechazo: %s\n", rej)
	}
	return b.String()
}

func (r Report) byRules() int {
	n := 0
	for _, c := range r.Rules {
		n += c.Count
	}
	return n
}

// counts turns a map of counts into a list sorted by path.
func counts(m map[string]int) []CategoryCount {
	out := make([]CategoryCount, 0, len(m))
	for k, v := range m {
		out = append(out, CategoryCount{Path: k, Count: v})
	}
	slices.SortFunc(out, func(a, b CategoryCount) int { return strings.Compare(a.Path, b.Path) })
	return out
}
