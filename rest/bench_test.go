package rest_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/rest"
)

// benchProducts is how many products the benchmarks add to the fixture:
// enough for the listing's count and sort to cost what they cost, few
// enough to load in a second.
const benchProducts = 5000

// newBenchFixture is the fixture with benchProducts more notebooks and the
// directory cache on, as a server runs it.
func newBenchFixture(b *testing.B) *fixture {
	b.Helper()
	f := newFixtureWith(b, func(c *rest.Config) { c.CacheTTL = 0 })
	ps := make([]catalog.Product, benchProducts)
	for i := range ps {
		ps[i] = catalog.Product{Name: fmt.Sprintf("Notebook %d", i), SKU: fmt.Sprintf("B-%d", i),
			Price: commerce.FromMinor(int64(100_000+i*37%900_000), commerce.CLP), Active: true,
			CategoryID: commerce.CategoryID(f.ids["notebooks"]),
			Images:     []catalog.Image{{URL: fmt.Sprintf("https://img.test/%d.jpg", i)}}}
	}
	_, rejected, err := f.catalog.ImportProducts(context.Background(), commerce.System, ps)
	if err != nil || len(rejected) > 0 {
		b.Fatalf("ImportProducts = %v, %v", rejected, err)
	}
	return f
}

func benchGet(b *testing.B, f *fixture, target func(i int) string) {
	b.Helper()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if rec := f.get(b, target(i)); rec.Code != http.StatusOK {
			b.Fatalf("GET %s = %d %s", target(i), rec.Code, rec.Body)
		}
		i++
	}
}

func BenchmarkListProducts(b *testing.B) {
	f := newBenchFixture(b)
	b.Run("CategoryPriceAsc", func(b *testing.B) {
		benchGet(b, f, func(i int) string {
			return fmt.Sprintf("/products?category=electronica&sort=price_asc&limit=20&page=%d",
				1+i%50)
		})
	})
	b.Run("Newest", func(b *testing.B) {
		benchGet(b, f, func(int) string { return "/products" })
	})
}

func BenchmarkProduct(b *testing.B) {
	f := newBenchFixture(b)
	id := f.ids["notebook-pro-14"]
	b.Run("ByID", func(b *testing.B) {
		benchGet(b, f, func(int) string { return fmt.Sprintf("/products/%d", id) })
	})
	b.Run("BySlug", func(b *testing.B) {
		benchGet(b, f, func(int) string { return "/products/notebook-pro-14" })
	})
}

func BenchmarkCategories(b *testing.B) {
	f := newBenchFixture(b)
	benchGet(b, f, func(int) string { return "/categories" })
}
