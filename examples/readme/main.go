// Command readme is the "Embedding the library" snippet of the README, kept
// here so that it compiles; readme_test.go checks that both stay identical.
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
)

func main() {
	if err := listCheapestDairy(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func listCheapestDairy(ctx context.Context) error {
	// or mysql.Open(ctx, dsn, mysql.Options{})
	db, err := sqlite.Open(ctx, "shop.db", sqlite.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	products := catalog.NewService(db, catalog.Config{Currency: commerce.CLP})
	page, err := products.ListProducts(ctx, commerce.Anonymous,
		catalog.ListFilter{Category: "lacteos", Sort: catalog.SortPriceAsc})
	if err != nil {
		return err
	}
	for _, p := range page.Products {
		fmt.Println(p.Name)
	}
	return nil
}
