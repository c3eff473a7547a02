package main

import (
	"context"
	"fmt"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/examples/server/demo"
)

// seed imports the demo catalog when the catalog has no product at all,
// so that a first start shows a store.
func (m *Main) seed(ctx context.Context) error {
	page, err := m.catalog.ListProducts(ctx, commerce.System,
		catalog.ListFilter{Limit: 1, IncludeInactive: true})
	if err != nil {
		return fmt.Errorf("count products: %w", err)
	}
	if page.Total > 0 {
		m.Log.Info("catalog present; demo import skipped", "products", page.Total)
		return nil
	}
	m.Log.Info("the catalog is empty; importing the demo catalog")
	return m.importDemo(ctx)
}

// importDemo runs the demo import, logging its progress every few seconds
// and at each step, and what it did at the end.
func (m *Main) importDemo(ctx context.Context) error {
	var (
		lastStep string
		lastLog  time.Time
	)
	progress := func(p demo.Progress) {
		if p.Step == lastStep && time.Since(lastLog) < 2*time.Second && p.Done != p.Total {
			return
		}
		lastStep, lastLog = p.Step, time.Now()
		m.Log.Info("demo import", "step", p.Step, "source", p.Source, "done", p.Done,
			"total", p.Total)
	}
	report, err := demo.Import(ctx, demo.Config{Catalog: m.catalog, Inventory: m.inventory,
		Progress: progress, Limit: m.DemoLimit})
	if err != nil {
		return fmt.Errorf("import the demo catalog: %w", err)
	}
	m.Log.Info("demo catalog imported", "products", report.Created+report.Updated,
		"created", report.Created, "updated", report.Updated, "rejected", len(report.Rejected),
		"brands", report.Brands, "stock_levels", report.StockLevels,
		"duration", report.Duration.Round(time.Millisecond).String())
	return nil
}
