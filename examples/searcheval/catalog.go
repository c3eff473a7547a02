package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/examples/server/demo"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/search"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
)

// cachedDocuments returns the documents kept in o.cache, or imports them
// and keeps them there.
func cachedDocuments(ctx context.Context, o options, log io.Writer) ([]search.Document, error) {
	if o.cache != "" {
		if f, err := os.Open(o.cache); err == nil {
			defer f.Close()
			var docs []search.Document
			return docs, json.NewDecoder(f).Decode(&docs)
		}
	}
	docs, err := demoDocuments(ctx, o.limit, log)
	if err != nil || o.cache == "" {
		return docs, err
	}
	f, err := os.Create(o.cache)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return docs, json.NewEncoder(f).Encode(docs)
}

// demoDocuments imports the demo catalog into a temporary SQLite database
// and reads it back as search documents, the way the server's reindex does.
func demoDocuments(ctx context.Context, limit int, log io.Writer) ([]search.Document, error) {
	dir, err := os.MkdirTemp("", "searcheval-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	db, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"), sqlite.Options{})
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}

	rep, err := demo.Import(ctx, demo.Config{
		Catalog:   catalog.NewService(db, catalog.Config{}),
		Inventory: inventory.NewService(db, inventory.Config{}),
		Limit:     limit,
	})
	if err != nil {
		return nil, fmt.Errorf("demo import: %w", err)
	}
	fmt.Fprintf(log, "demo import:\n%s\n", rep)

	var c collector
	if err := search.NewSyncer(db, nil, search.SyncConfig{}).Reindex(ctx, &c); err != nil {
		return nil, err
	}
	return c.docs, nil
}

// collector is a search.Rebuilder that keeps the documents it is given.
type collector struct{ docs []search.Document }

func (c *collector) Rebuild(ctx context.Context, fill search.Fill) error {
	return fill(ctx, func(docs ...search.Document) error {
		c.docs = append(c.docs, docs...)
		return nil
	})
}
