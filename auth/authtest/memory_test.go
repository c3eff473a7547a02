package authtest_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
)

func TestMemoryStore(t *testing.T) {
	authtest.Run(t, func(*testing.T) auth.Store { return authtest.NewMemoryStore() })
}
