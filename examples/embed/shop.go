package main

// This file is all the program adds to sell through eCommerce Moderno.

import (
	"context"
	"net/http"
	"time"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/rest"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
)

// addShop opens the shop's SQLite file, serves the catalog, cart and
// checkout API under /api on mux, and releases expired reservations every
// minute until ctx ends. It returns what closes the database.
func addShop(ctx context.Context, mux *http.ServeMux, path string) (func() error, error) {
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err == nil {
		err = db.Migrate(ctx)
	}
	if err != nil {
		return func() error { return nil }, err
	}
	orders := order.NewService(db, order.Config{})
	carts := cart.NewService(db, cart.Config{Catalog: db})
	api := rest.New(rest.Config{
		Catalog:     catalog.NewService(db, catalog.Config{}),
		Carts:       carts,
		Orders:      orders,
		Checkout:    checkout.NewService(db, checkout.Config{Catalog: db, Orders: orders, Carts: carts}),
		Idempotency: checkout.NewIdempotency(db, checkout.IdempotencyConfig{}),
		// The program's sign-in tells the shop who is buying.
		Authenticate: func(r *http.Request) (commerce.Principal, error) {
			if id, ok := signedIn(r); ok {
				return commerce.User(id, commerce.RoleCustomer), nil
			}
			return commerce.Anonymous, nil
		},
	})
	mux.Handle("/api/", http.StripPrefix("/api", api))
	go func() {
		for t := time.NewTicker(time.Minute); ; {
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
				_, _ = orders.ExpireReservations(ctx, 100)
			}
		}
	}()
	return db.Close, nil
}
