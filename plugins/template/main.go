// Command template is a payment gateway plugin for eCommerce Moderno, made
// to be copied: README.md walks through turning it into a real gateway.
//
// The store starts it; it is never run by hand. It reads its settings from
// its own environment variables, COMMERCE_TEMPLATE_*, which are the only
// ones the store passes it.
package main

import (
	"os"

	"github.com/ecommerce-moderno/moderno/plugins/sdk"
)

func main() {
	sdk.Serve(New(os.Getenv("COMMERCE_TEMPLATE_API_KEY")))
}
