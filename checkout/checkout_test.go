package checkout_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
)

// TestMemory runs the stores' contract against the in-memory reference.
func TestMemory(t *testing.T) {
	checkouttest.Run(t, checkouttest.MemoryEnv)
}
