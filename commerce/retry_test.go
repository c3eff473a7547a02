package commerce_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

func TestRateLimited(t *testing.T) {
	err := fmt.Errorf("login: %w", commerce.RateLimited("customer.login", 1500*time.Millisecond))
	if got := commerce.ErrorKind(err); got != commerce.KindRateLimited {
		t.Errorf("ErrorKind = %v; want rate_limited", got)
	}
	if got := commerce.RetryAfter(err); got != 1500*time.Millisecond {
		t.Errorf("RetryAfter = %v; want 1.5s", got)
	}
	if got, want := commerce.ErrorMessage(err),
		"demasiados intentos; inténtelo de nuevo en 2 segundos"; got != want {
		t.Errorf("ErrorMessage = %q; want %q", got, want)
	}
	if got := commerce.RetryAfter(commerce.NotFound("x", "y")); got != 0 {
		t.Errorf("RetryAfter(not found) = %v; want 0", got)
	}
	for in, want := range map[time.Duration]int64{0: 1, time.Millisecond: 1, time.Second: 1,
		1001 * time.Millisecond: 2, time.Minute: 60} {
		if got := commerce.RetrySeconds(in); got != want {
			t.Errorf("RetrySeconds(%v) = %d; want %d", in, got, want)
		}
	}
}
