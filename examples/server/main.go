// Command commerce is the reference server of eCommerce Moderno: a Spanish
// store in Chilean pesos with the catalog API at the root and the React
// storefront at Spanish paths, on SQLite by default or on MySQL/MariaDB.
// On its first start it migrates the database and imports the demo catalog.
// Run "commerce -h" for the commands and the configuration.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}
