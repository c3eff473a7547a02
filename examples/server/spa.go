package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// storefrontCSP lets the storefront load its own scripts, styles and API,
// and product pictures from any HTTPS host (the demo's come from the
// sources' servers). Vite's build needs no inline script. With stripe, it
// also lets Stripe.js load (script-src), draw the Payment Element in its
// frames (frame-src) and reach Stripe's API (connect-src), so that card data
// goes from the browser to Stripe and never to this server.
func storefrontCSP(stripe bool) string {
	script, connect, frame := "'self'", "'self'", ""
	if stripe {
		script += " https://js.stripe.com"
		connect += " https://api.stripe.com"
		frame = "frame-src https://js.stripe.com https://hooks.stripe.com; "
	}
	return "default-src 'self'; script-src " + script + "; " +
		"style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; " +
		"connect-src " + connect + "; " + frame + "object-src 'none'; base-uri 'self'; " +
		"form-action 'self'; frame-ancestors 'none'"
}

// storefront serves the built single-page application: its files as they
// are, and index.html for every other path, so that the application's own
// router draws /catalogo, /producto/... and the rest.
type storefront struct {
	files fs.FS
	index []byte            // nil when the storefront is not built
	tags  map[string]string // entity tags of the files, by name
	csp   string            // the page's Content-Security-Policy
}

// newStorefront reads the built files and tags each with a hash of its
// content.
func newStorefront(files fs.FS) (*storefront, error) {
	s := &storefront{files: files, tags: map[string]string{}, csp: storefrontCSP(false)}
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		s.tags[name] = `"` + hex.EncodeToString(sum[:12]) + `"`
		if name == "index.html" {
			s.index = data
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the storefront: %w", err)
	}
	return s, nil
}

// ServeHTTP serves a file, the application's page, or a 404 for a missing
// file (a path with an extension), never index.html in a file's place.
func (s *storefront) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if _, ok := s.tags[name]; ok && name != "index.html" {
		s.serveFile(w, r, name)
		return
	}
	if path.Ext(name) != "" && name != "index.html" {
		http.Error(w, "archivo no encontrado", http.StatusNotFound)
		return
	}
	s.servePage(w, r)
}

// serveFile serves a built file. Vite puts a hash of the content in the
// names under assets/, so those never change and are kept for a year.
func (s *storefront) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	data, err := fs.ReadFile(s.files, name)
	if err != nil {
		http.Error(w, "archivo no encontrado", http.StatusNotFound)
		return
	}
	cache := "public, max-age=3600"
	if strings.HasPrefix(name, "assets/") {
		cache = "public, max-age=31536000, immutable"
	}
	w.Header().Set("Cache-Control", cache)
	w.Header().Set("ETag", s.tags[name])
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// servePage serves index.html, which browsers must revalidate so that a
// deploy reaches them at once.
func (s *storefront) servePage(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", s.csp)
	if s.index == nil {
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(notBuilt))
		return
	}
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", s.tags["index.html"])
	http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(s.index))
}

// notBuilt is the page served when the binary was built without the
// storefront.
const notBuilt = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>eCommerce Moderno</title></head>
<body><h1>La tienda aún no está compilada</h1>
<p>Este servidor se compiló sin la interfaz web. Ejecute <code>make run</code>
para compilarla e iniciar la tienda. La API responde en
<a href="/products">/products</a>.</p></body></html>
`
