package customertest_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/customer/customertest"
)

func TestMemoryStore(t *testing.T) {
	customertest.Run(t, func(*testing.T) customer.Store { return customertest.NewMemoryStore() })
}
