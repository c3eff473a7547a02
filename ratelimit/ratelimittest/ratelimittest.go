// Package ratelimittest holds the contract suite every ratelimit.Limiter
// runs, the in-process one and the Redis adapter alike.
package ratelimittest

import (
	"context"
	"crypto/rand"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/ratelimit"
)

// Clock is a settable clock the suite moves; the limiter under test must
// take its time from it.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock set at t.
func NewClock(t time.Time) *Clock { return &Clock{now: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// Run checks that limiters made by newLimiter keep the ratelimit.Limiter
// contract. newLimiter is called once per subtest with the clock the
// limiter must follow; a limiter shared with other data is fine, as the
// suite's keys are random.
//
// Limiters may refuse a little longer than an exact count would (by up to
// a sixtieth of the period), never shorter.
func Run(t *testing.T, newLimiter func(t *testing.T, clock *Clock) ratelimit.Limiter) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, l ratelimit.Limiter, c *Clock)
	}{
		{"Burst", testBurst},
		{"SixthInAMinute", testSixthInAMinute},
		{"RetryAfterIsEnough", testRetryAfterIsEnough},
		{"NeverMoreThanCountInAWindow", testSlidingWindow},
		{"KeysAndLimitsApart", testApart},
		{"Concurrent", testConcurrent},
		{"Unlimited", testUnlimited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClock(time.Date(2031, 5, 6, 7, 8, 0, 0, time.UTC))
			tt.run(t, newLimiter(t, c), c)
		})
	}
}

var perMinute = ratelimit.Limit{Count: 5, Period: time.Minute}

func key() string { return "suite:" + rand.Text() }

func allow(t *testing.T, l ratelimit.Limiter, key string, lim ratelimit.Limit) ratelimit.Decision {
	t.Helper()
	d, err := l.Allow(context.Background(), key, lim)
	if err != nil {
		t.Fatalf("Allow(%q, %v) = %v", key, lim, err)
	}
	return d
}

// slack is how much longer than exact a refusal may last.
func slack(lim ratelimit.Limit) time.Duration { return lim.Period/60 + time.Millisecond }

func testBurst(t *testing.T, l ratelimit.Limiter, _ *Clock) {
	k := key()
	for i := range perMinute.Count {
		d := allow(t, l, k, perMinute)
		if !d.Allowed || d.Remaining != perMinute.Count-1-i {
			t.Fatalf("request %d = %+v; want allowed with %d remaining", i+1, d,
				perMinute.Count-1-i)
		}
	}
	d := allow(t, l, k, perMinute)
	if d.Allowed || d.Remaining != 0 {
		t.Fatalf("sixth request = %+v; want refused", d)
	}
	if d.RetryAfter < time.Minute || d.RetryAfter > time.Minute+slack(perMinute) {
		t.Errorf("RetryAfter = %v; want a minute (up to %v more)", d.RetryAfter,
			slack(perMinute))
	}
	if err := d.Err("op"); err == nil {
		t.Error("Decision.Err of a refusal = nil")
	}
}

func testSixthInAMinute(t *testing.T, l ratelimit.Limiter, c *Clock) {
	k := key()
	for i := range 5 {
		if d := allow(t, l, k, perMinute); !d.Allowed {
			t.Fatalf("attempt %d at +%ds refused", i+1, i*11)
		}
		c.Advance(11 * time.Second)
	}
	// 55 seconds after the first attempt: the sixth within a minute.
	d := allow(t, l, k, perMinute)
	if d.Allowed {
		t.Fatal("sixth attempt within a minute allowed; want refused")
	}
	if want := 5 * time.Second; d.RetryAfter < want || d.RetryAfter > want+slack(perMinute) {
		t.Errorf("RetryAfter = %v; want %v, when the first attempt leaves the window",
			d.RetryAfter, want)
	}
	c.Advance(5*time.Second + slack(perMinute))
	if d := allow(t, l, k, perMinute); !d.Allowed {
		t.Errorf("attempt after the first left the window = %+v; want allowed", d)
	}
}

func testRetryAfterIsEnough(t *testing.T, l ratelimit.Limiter, c *Clock) {
	k := key()
	lim := ratelimit.Limit{Count: 3, Period: time.Hour}
	for range 3 {
		allow(t, l, k, lim)
	}
	d := allow(t, l, k, lim)
	if d.Allowed {
		t.Fatal("fourth request allowed")
	}
	c.Advance(d.RetryAfter - time.Second)
	if d := allow(t, l, k, lim); d.Allowed {
		t.Error("allowed a second before RetryAfter")
	}
	c.Advance(time.Second)
	if d := allow(t, l, k, lim); !d.Allowed {
		t.Errorf("refused once RetryAfter passed: %+v", d)
	}
}

func testSlidingWindow(t *testing.T, l ratelimit.Limiter, c *Clock) {
	k := key()
	var allowed []time.Time
	for i := range 200 {
		if allow(t, l, k, perMinute).Allowed {
			allowed = append(allowed, c.Now())
		}
		c.Advance(time.Duration(1+(i*7)%13) * time.Second)
	}
	for i := perMinute.Count; i < len(allowed); i++ {
		if gap := allowed[i].Sub(allowed[i-perMinute.Count]); gap < time.Minute {
			t.Fatalf("%d requests allowed within %v", perMinute.Count+1, gap)
		}
	}
	// 200 requests over about 23 minutes: close to 5 a minute must pass.
	elapsed := allowed[len(allowed)-1].Sub(allowed[0])
	if min := int(elapsed/time.Minute) * 4; len(allowed) < min {
		t.Errorf("allowed %d over %v; want at least %d", len(allowed), elapsed, min)
	}
}

func testApart(t *testing.T, l ratelimit.Limiter, _ *Clock) {
	a, b := key(), key()
	for range perMinute.Count {
		allow(t, l, a, perMinute)
	}
	if d := allow(t, l, a, perMinute); d.Allowed {
		t.Fatal("sixth request allowed")
	}
	if d := allow(t, l, b, perMinute); !d.Allowed {
		t.Error("another key was limited by the first")
	}
	hourly := ratelimit.Limit{Count: 1000, Period: time.Hour}
	if d := allow(t, l, a, hourly); !d.Allowed || d.Remaining != 999 {
		t.Errorf("the same key under another limit = %+v; want counted apart", d)
	}
}

func testConcurrent(t *testing.T, l ratelimit.Limiter, _ *Clock) {
	k := key()
	lim := ratelimit.Limit{Count: 10, Period: time.Minute}
	var mu sync.Mutex
	var wg sync.WaitGroup
	allowed := 0
	for range 25 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := l.Allow(context.Background(), k, lim)
			mu.Lock()
			defer mu.Unlock()
			if err == nil && d.Allowed {
				allowed++
			}
		}()
	}
	wg.Wait()
	if allowed != lim.Count {
		t.Errorf("25 concurrent requests under %v: %d allowed; want %d", lim, allowed, lim.Count)
	}
}

func testUnlimited(t *testing.T, l ratelimit.Limiter, _ *Clock) {
	k := key()
	for range 50 {
		if d := allow(t, l, k, ratelimit.Limit{}); !d.Allowed {
			t.Fatal("an unlimited request was refused")
		}
	}
}
