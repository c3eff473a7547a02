// Command embed is a small shop's existing net/http program, with its own
// ServeMux, its own pages and its own sign-in, that adds the catalog, a
// cart and checkout from eCommerce Moderno under /api, on a SQLite file of
// its own. Everything the library needs is in shop.go.
//
//	go run ./examples/embed -addr 127.0.0.1:8081 -db tienda.db
package main

import (
	"context"
	"crypto/subtle"
	"flag"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8081", "address to listen on")
	path := flag.String("db", "tienda.db", "the SQLite file")
	flag.Parse()
	if err := serve(*addr, *path); err != nil {
		log.Fatal(err)
	}
}

func serve(addr, path string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	handler, closeDB, err := newServer(ctx, path)
	if err != nil {
		return err
	}
	defer func() { _ = closeDB() }()
	srv := &http.Server{Addr: addr, Handler: handler, ReadHeaderTimeout: 5 * time.Second}
	log.Printf("listening on http://%s", addr)
	return srv.ListenAndServe()
}

// users is the program's own account table: user name, password, id.
var users = map[string]struct {
	password string
	id       commerce.UserID
}{"ana": {"clave-de-ana", 1}, "beto": {"clave-de-beto", 2}}

// signedIn is the program's own sign-in: HTTP basic authentication.
func signedIn(r *http.Request) (commerce.UserID, bool) {
	name, password, ok := r.BasicAuth()
	u, known := users[name]
	if !ok || !known || subtle.ConstantTimeCompare([]byte(password), []byte(u.password)) != 1 {
		return 0, false
	}
	return u.id, true
}

// newServer returns the program's routes, the shop's among them, and what
// closes the database.
func newServer(ctx context.Context, path string) (http.Handler, func() error, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if id, ok := signedIn(r); ok {
			fmt.Fprintf(w, "Hola, cliente %d. La tienda está en /api/products.\n", id)
			return
		}
		fmt.Fprintln(w, "Bienvenido a la tienda del barrio. La tienda está en /api/products.")
	})
	closeDB, err := addShop(ctx, mux, path)
	return mux, closeDB, err
}
