package redis_test

import (
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/storage/redis"
)

// BenchmarkAllow times one rate-limit decision, a script run in Redis.
func BenchmarkAllow(b *testing.B) {
	l := benchClient(b).Limiter()
	lim := ratelimit.Limit{Count: 1_000_000_000, Period: time.Hour}
	for b.Loop() {
		if _, err := l.Allow(b.Context(), "bench", lim); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRevoked times the revocation check every authenticated request
// makes.
func BenchmarkRevoked(b *testing.B) {
	s := benchClient(b).Sessions()
	for b.Loop() {
		if _, err := s.Revoked(b.Context(), "id", "family"); err != nil {
			b.Fatal(err)
		}
	}
}

func benchClient(b *testing.B) *redis.Client {
	b.Helper()
	return open(b, testURL(b), newPrefix(b), nil)
}
