// Package web holds the storefront: a React application built by Vite into
// dist/, which this package embeds so that the server binary carries it.
// Before the first build dist/ holds only .gitkeep, and the server says so
// instead of serving a store.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built storefront, rooted at dist/: index.html, assets/
// and whatever else Vite copied from public/.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // "dist" is a valid path; fs.Sub fails only for invalid ones
	}
	return sub
}
