package demo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// Config is what Import needs. Catalog and Inventory are required; the rest
// have defaults.
type Config struct {
	Catalog   *catalog.Service
	Inventory *inventory.Service
	// Progress hears how far the import has gone, after every batch. Nil
	// is silent.
	Progress func(Progress)
	// BatchSize is how many products go in one ImportProducts call, and how
	// many levels in one SetLevels call; 5,000 when zero. Fewer, larger calls
	// mean fewer transactions and fewer statistics refreshes in SQL stores.
	BatchSize int
	// Limit reads at most this many records of each source, for tests and
	// quick starts; zero reads everything.
	Limit int
	// FeaturedPerCategory is how many products of each top-level category
	// are marked featured; 4 when zero, none when negative.
	FeaturedPerCategory int
	// Warehouse holds the demo stock; DefaultWarehouse() when its code is
	// empty. It is created when no warehouse has its code.
	Warehouse inventory.Warehouse
	// Data holds the compressed source files named BestBuyFile and
	// PreciosFile; Files() when nil.
	Data fs.FS
	// Clock times the import; the system clock when nil.
	Clock commerce.Clock
}

// Import loads the demo catalog into the store through the catalog and
// inventory services, as commerce.System. Running it again updates the
// same products, found by SKU, and creates nothing twice.
//
// A row that cannot become a product is reported in Report.Rejected and the
// import goes on. Import fails only when a source file cannot be read at
// all, when the catalog is not priced in CLP, or when the store fails; the
// report then holds what was done until then.
func Import(ctx context.Context, cfg Config) (Report, error) {
	im, err := newImporter(cfg)
	if err != nil {
		return Report{}, err
	}
	err = im.run(ctx)
	im.report.Duration = im.cfg.Clock.Now().Sub(im.start)
	return im.report, err
}

// importer is the state of one Import call.
type importer struct {
	cfg    Config
	start  time.Time
	report Report
	rules  *classifier
	plan   *plan
	srcs   []*source
	wh     inventory.Warehouse
	levels []stockLevel
}

// newImporter checks the configuration and fills in its defaults.
func newImporter(cfg Config) (*importer, error) {
	if cfg.Catalog == nil || cfg.Inventory == nil {
		return nil, errors.New("demo import: Config.Catalog and Config.Inventory are required")
	}
	if c := cfg.Catalog.Currency(); c != commerce.CLP {
		return nil, fmt.Errorf("demo import: the catalog is priced in %s; the demo needs CLP", c)
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 5000
	}
	if cfg.FeaturedPerCategory == 0 {
		cfg.FeaturedPerCategory = 4
	}
	if cfg.Warehouse.Code == "" {
		cfg.Warehouse = DefaultWarehouse()
	}
	if cfg.Data == nil {
		cfg.Data = Files()
	}
	if cfg.Clock == nil {
		cfg.Clock = commerce.SystemClock{}
	}
	if cfg.Progress == nil {
		cfg.Progress = func(Progress) {}
	}
	rules := newClassifier(supermarketRules)
	return &importer{cfg: cfg, start: cfg.Clock.Now(), rules: rules, srcs: sources(rules)}, nil
}

// run does the import step by step.
func (im *importer) run(ctx context.Context) error {
	items, err := im.read()
	if err != nil {
		return err
	}
	im.plan = newPlan(items, im.cfg.FeaturedPerCategory)
	im.countPlacements(items)

	if err := im.ensureCategories(ctx); err != nil {
		return err
	}
	if err := im.ensureBrands(ctx); err != nil {
		return err
	}
	im.plan.bind()
	wh, err := im.cfg.Inventory.EnsureWarehouse(ctx, commerce.System, im.cfg.Warehouse)
	if err != nil {
		return fmt.Errorf("demo import: warehouse %s: %w", im.cfg.Warehouse.Code, err)
	}
	im.wh = wh

	if err := im.importProducts(ctx); err != nil {
		return err
	}
	return im.setLevels(ctx)
}

// read loads every source, recording its rejected rows.
func (im *importer) read() ([]item, error) {
	var all []item
	for _, src := range im.srcs {
		items, rejected, err := src.load(im.cfg.Data, im.cfg.Limit)
		if err != nil {
			return nil, fmt.Errorf("demo import: %w", err)
		}
		rows := len(items) + len(rejected)
		im.report.Sources = append(im.report.Sources, SourceReport{Name: src.name,
			File: uncompressed(src.file), Currency: src.currency, Rate: src.rate, Rows: rows})
		for _, r := range rejected {
			im.reject(src, r.line, r.record, r.sku, r.reason)
		}
		all = append(all, items...)
		im.cfg.Progress(Progress{Step: "leer", Source: src.name, Done: rows, Total: rows})
	}
	return all, nil
}

// countPlacements counts how the supermarket rows were placed, and the rows
// of every category.
func (im *importer) countPlacements(items []item) {
	byRule := map[string]int{}
	for _, it := range items {
		if it.src.name != "Precios Claros" {
			continue
		}
		switch it.shelf {
		case placedBySource:
			im.report.BySourceCategory++
		case placedByDefault:
			im.report.ByDefault++
		default:
			byRule[im.rules.rules[it.shelf].String()]++
		}
	}
	im.report.Rules = counts(byRule)
}

// ensureCategories finds or creates every planned category, parents first.
func (im *importer) ensureCategories(ctx context.Context) error {
	cats := im.plan.categories
	for i := range cats {
		spec := &cats[i]
		if spec.parent != "" {
			spec.cat.ParentID = cats[im.plan.catIndex[spec.parent]].cat.ID
		}
		got, err := im.cfg.Catalog.EnsureCategory(ctx, commerce.System, spec.cat)
		if err != nil {
			return fmt.Errorf("demo import: category %q: %w", spec.key, err)
		}
		spec.cat = got
		if (i+1)%100 == 0 || i+1 == len(cats) {
			im.cfg.Progress(Progress{Step: "categorías", Done: i + 1, Total: len(cats)})
		}
	}
	return nil
}

// ensureBrands finds the planned brands the catalog has and creates the
// others. Reading all brands once spares a query per brand on a second run.
func (im *importer) ensureBrands(ctx context.Context) error {
	have, err := im.cfg.Catalog.Brands(ctx)
	if err != nil {
		return fmt.Errorf("demo import: %w", err)
	}
	bySlug := make(map[string]catalog.Brand, len(have))
	for _, b := range have {
		bySlug[b.Slug] = b
	}
	brands := im.plan.brands
	for i := range brands {
		if b, ok := bySlug[brands[i].Slug]; ok {
			brands[i] = b
		} else if brands[i], err = im.cfg.Catalog.EnsureBrand(ctx, commerce.System,
			brands[i]); err != nil {
			return fmt.Errorf("demo import: brand %q: %w", brands[i].Name, err)
		}
		if (i+1)%500 == 0 || i+1 == len(brands) {
			im.cfg.Progress(Progress{Step: "marcas", Done: i + 1, Total: len(brands)})
		}
	}
	im.report.Brands = len(brands)
	return nil
}

// importProducts imports the planned products of each source in batches.
func (im *importer) importProducts(ctx context.Context) error {
	byCategory := map[string]int{}
	for s, src := range im.srcs {
		var batch []*planned
		done, total := 0, im.report.Sources[s].Rows
		for i := range im.plan.products {
			pl := &im.plan.products[i]
			if pl.rows[0].src != src {
				continue
			}
			batch = append(batch, pl)
			if len(batch) == im.cfg.BatchSize {
				if err := im.importBatch(ctx, batch, byCategory); err != nil {
					return err
				}
				done += rowsOf(batch)
				im.cfg.Progress(Progress{Step: "productos", Source: src.name, Done: done,
					Total: total})
				batch = batch[:0]
			}
		}
		if err := im.importBatch(ctx, batch, byCategory); err != nil {
			return err
		}
		im.cfg.Progress(Progress{Step: "productos", Source: src.name, Done: total, Total: total})
	}
	im.report.Categories = counts(byCategory)
	return nil
}

// importBatch imports one batch and records the outcome of every row. When
// the store refuses the whole batch for a conflict, such as a slug another
// product already holds, the products are retried one by one so that only
// the culprit is rejected.
func (im *importer) importBatch(ctx context.Context, batch []*planned,
	byCategory map[string]int) error {
	if len(batch) == 0 {
		return nil
	}
	ps := make([]catalog.Product, len(batch))
	for i, pl := range batch {
		ps[i] = pl.product
	}
	res, rejected, err := im.cfg.Catalog.ImportProducts(ctx, commerce.System, ps)
	switch {
	case err == nil:
	case commerce.ErrorKind(err) != commerce.KindConflict:
		return fmt.Errorf("demo import: %w", err)
	case len(batch) > 1:
		for _, pl := range batch {
			if err := im.importBatch(ctx, []*planned{pl}, byCategory); err != nil {
				return err
			}
		}
		return nil
	default:
		im.rejectRows(batch[0], err)
		return nil
	}
	im.report.Created += res.Created
	im.report.Updated += res.Updated
	for i, pl := range batch {
		if rejected[i] != nil {
			im.rejectRows(pl, rejected[i])
			continue
		}
		pl.product = ps[i]
		im.stored(pl, byCategory)
	}
	return nil
}

// rejectRows rejects every source row of a planned product.
func (im *importer) rejectRows(pl *planned, err error) {
	for _, it := range pl.rows {
		im.reject(it.src, it.line, it.record, it.sku, reasonOf(err))
	}
}

// reject records a rejected row of a source.
func (im *importer) reject(src *source, line, record int, sku, reason string) {
	im.report.Rejected = append(im.report.Rejected, Rejection{File: uncompressed(src.file),
		Line: line, Record: record, SKU: sku, Reason: reason})
	for i, s := range im.srcs {
		if s == src {
			im.report.Sources[i].Rejected++
		}
	}
}

// reasonOf says why the catalog refused a product, naming the fields.
func reasonOf(err error) string {
	fields := commerce.ErrorFields(err)
	if len(fields) == 0 {
		return commerce.ErrorMessage(err)
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return strings.Join(parts, "; ")
}

// rowsOf counts the source rows of planned products.
func rowsOf(batch []*planned) int {
	n := 0
	for _, pl := range batch {
		n += len(pl.rows)
	}
	return n
}

// uncompressed returns a file name without its ".gz".
func uncompressed(name string) string { return strings.TrimSuffix(name, ".gz") }

// stockLevel is a demo level waiting for its ids.
type stockLevel struct {
	inventory.Level
	sku     string
	variant bool
}

// stored records a product the store kept: its rows count as imported and
// its stock levels are planned.
func (im *importer) stored(pl *planned, byCategory map[string]int) {
	for i, src := range im.srcs {
		if pl.rows[0].src == src {
			im.report.Sources[i].Imported += len(pl.rows)
		}
	}
	byCategory[pl.category] += len(pl.rows)
	if pl.product.Featured {
		im.report.Featured++
	}
	if len(pl.product.Variants) == 0 {
		im.levels = append(im.levels, im.level(pl.product.ID, 0, pl.product.SKU, false))
		return
	}
	for _, v := range pl.product.Variants {
		im.levels = append(im.levels, im.level(pl.product.ID, v.ID, v.SKU, true))
	}
}

// level returns the demo stock level of a product or variant.
func (im *importer) level(p commerce.ProductID, v commerce.VariantID, sku string,
	variant bool) stockLevel {
	l := demoStock(sku)
	l.ProductID, l.VariantID, l.WarehouseID = p, v, im.wh.ID
	return stockLevel{Level: l, sku: sku, variant: variant}
}

// setLevels writes the demo stock in batches. Variants whose ids the store
// did not return on import are read back first.
func (im *importer) setLevels(ctx context.Context) error {
	if err := im.variantIDs(ctx); err != nil {
		return err
	}
	ls := make([]inventory.Level, len(im.levels))
	for i, l := range im.levels {
		ls[i] = l.Level
	}
	for i := 0; i < len(ls); i += im.cfg.BatchSize {
		batch := ls[i:min(i+im.cfg.BatchSize, len(ls))]
		if err := im.cfg.Inventory.SetLevels(ctx, commerce.System, batch); err != nil {
			return fmt.Errorf("demo import: stock: %w", err)
		}
		im.report.StockLevels += len(batch)
		im.cfg.Progress(Progress{Step: "stock", Done: i + len(batch), Total: len(ls)})
	}
	return nil
}

// variantIDs fills in the variant ids the import did not return by reading
// their products, matching variants by SKU.
func (im *importer) variantIDs(ctx context.Context) error {
	bySKU := map[commerce.ProductID]map[string]commerce.VariantID{}
	for i := range im.levels {
		l := &im.levels[i]
		if !l.variant || l.VariantID != 0 {
			continue
		}
		ids, ok := bySKU[l.ProductID]
		if !ok {
			p, err := im.cfg.Catalog.Product(ctx, commerce.System,
				strconv.FormatInt(int64(l.ProductID), 10))
			if err != nil {
				return fmt.Errorf("demo import: read variants: %w", err)
			}
			ids = map[string]commerce.VariantID{}
			for _, v := range p.Variants {
				ids[v.SKU] = v.ID
			}
			bySKU[l.ProductID] = ids
		}
		if l.VariantID = ids[l.sku]; l.VariantID == 0 {
			return fmt.Errorf("demo import: variant %s not found after import", l.sku)
		}
	}
	return nil
}
