package demo

import (
	"hash/fnv"
	"strconv"

	"github.com/ecommerce-moderno/moderno/inventory"
)

// The demo stock rules. Every product, or every variant of a product with
// variants, gets a level in the default warehouse that depends only on its
// SKU: about OutOfStockPercent in a hundred have none, the others between
// 1 and MaxDemoStock units.
const (
	MaxDemoStock      = 150
	OutOfStockPercent = 4
	ReorderPoint      = 10 // low stock at or below this many units
	ReorderQuantity   = 60 // units a reorder brings
)

// DefaultWarehouse returns the warehouse that holds the demo stock unless
// Config names another.
func DefaultWarehouse() inventory.Warehouse {
	return inventory.Warehouse{Code: "SCL-CENTRAL", Name: "Bodega Central Santiago",
		Address: "Santiago, Región Metropolitana, Chile", Active: true}
}

// demoStock returns the demo level of a SKU, without ids.
func demoStock(sku string) inventory.Level {
	h := hash64("stock:" + sku)
	l := inventory.Level{ReorderPoint: ReorderPoint, ReorderQuantity: ReorderQuantity}
	if h%100 >= OutOfStockPercent {
		l.Quantity = 1 + int((h/100)%MaxDemoStock)
	}
	return l
}

// featureRank orders the candidates to be featured: a hash, so that the
// choice looks random but never changes.
func featureRank(sku string) uint64 { return hash64("featured:" + sku) }

// hash64 is FNV-1a, stable across runs, machines and Go versions.
func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func itoa(n int) string { return strconv.Itoa(n) }
