package elasticsearch_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/search/elasticsearch"
	"github.com/ecommerce-moderno/moderno/search/searchtest"
)

// TestContract runs the engine contract against the server that
// COMMERCE_ELASTICSEARCH_URL names, each group of checks on an alias of
// its own that it removes afterwards.
func TestContract(t *testing.T) {
	url := os.Getenv("COMMERCE_ELASTICSEARCH_URL")
	if url == "" {
		t.Skip("COMMERCE_ELASTICSEARCH_URL is not set")
	}
	n := 0
	searchtest.Run(t, func(t *testing.T, cfg searchtest.Config) searchtest.Engine {
		n++
		alias := "searchtest-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "-" +
			strconv.Itoa(n)
		e, err := elasticsearch.New(elasticsearch.Config{Addresses: []string{url},
			Alias: alias, Synonyms: cfg.Synonyms, PriceRanges: cfg.PriceRanges, Refresh: true})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if err := e.Ensure(ctx); err != nil {
			t.Fatalf("Ensure = %v", err)
		}
		t.Cleanup(func() { _ = e.Drop(context.Background()) })
		return e
	})
}
