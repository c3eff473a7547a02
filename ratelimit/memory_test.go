package ratelimit_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/ratelimit/ratelimittest"
)

func TestMemory(t *testing.T) {
	ratelimittest.Run(t, func(_ *testing.T, c *ratelimittest.Clock) ratelimit.Limiter {
		return ratelimit.NewMemory(ratelimit.MemoryConfig{Clock: c})
	})
}

func TestMemoryForgetsIdleKeys(t *testing.T) {
	c := ratelimittest.NewClock(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	m := ratelimit.NewMemory(ratelimit.MemoryConfig{Clock: c, MaxKeys: 100})
	lim := ratelimit.Limit{Count: 5, Period: time.Minute}
	for i := range 250 {
		if _, err := m.Allow(context.Background(), "ip:"+strconv.Itoa(i), lim); err != nil {
			t.Fatal(err)
		}
	}
	if n := m.Len(); n > 100 {
		t.Errorf("tracks %d keys; want at most 100", n)
	}
	c.Advance(2 * time.Minute)
	if _, err := m.Allow(context.Background(), "fresh", lim); err != nil {
		t.Fatal(err)
	}
	if n := m.Len(); n != 1 {
		t.Errorf("after every key went idle tracks %d keys; want 1", n)
	}
}

func TestMemoryClockSteppingBack(t *testing.T) {
	c := ratelimittest.NewClock(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	m := ratelimit.NewMemory(ratelimit.MemoryConfig{Clock: c})
	lim := ratelimit.Limit{Count: 2, Period: time.Minute}
	for range 2 {
		_, _ = m.Allow(context.Background(), "k", lim)
	}
	c.Advance(-time.Hour)
	if d, _ := m.Allow(context.Background(), "k", lim); d.Allowed {
		t.Error("a clock stepping back reset the count")
	}
}
