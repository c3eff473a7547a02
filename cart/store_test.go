package cart_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/cart/carttest"
)

func TestMemory(t *testing.T) { carttest.Run(t, carttest.MemoryEnv) }
