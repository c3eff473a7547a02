package ratelimit

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Limit allows Count requests in any window of length Period. The zero
// Limit allows everything.
type Limit struct {
	Count  int
	Period time.Duration
}

// Unlimited reports whether the limit allows everything.
func (l Limit) Unlimited() bool { return l.Count <= 0 || l.Period <= 0 }

// String returns the limit in the form Parse reads, such as "5/1m", or
// "off" for no limit.
func (l Limit) String() string {
	if l.Unlimited() {
		return "off"
	}
	return strconv.Itoa(l.Count) + "/" + shortDuration(l.Period)
}

func shortDuration(d time.Duration) string {
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{24 * time.Hour, "d"}, {time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if d%u.unit == 0 {
			return strconv.FormatInt(int64(d/u.unit), 10) + u.name
		}
	}
	return d.String()
}

// Parse reads a limit written as "count/period", such as "5/1m", "1000/1h"
// or "100/60s". The period is a Go duration, a bare unit ("m" for "1m"), or
// a number of days ("1d"); the count is a whole number from 1 to 1,000,000.
// "off" reads as no limit. Errors say what is wrong in the text.
func Parse(s string) (Limit, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "off") {
		return Limit{}, nil
	}
	countText, periodText, ok := strings.Cut(s, "/")
	if !ok {
		return Limit{}, fmt.Errorf("ratelimit: %q: want count/period, such as 5/1m", s)
	}
	count, err := strconv.Atoi(strings.TrimSpace(countText))
	if err != nil || count < 1 || count > 1_000_000 {
		return Limit{}, fmt.Errorf("ratelimit: %q: the count must be a whole number from 1 "+
			"to 1000000", s)
	}
	period, err := parsePeriod(strings.TrimSpace(periodText))
	if err != nil {
		return Limit{}, fmt.Errorf("ratelimit: %q: %w", s, err)
	}
	return Limit{Count: count, Period: period}, nil
}

func parsePeriod(s string) (time.Duration, error) {
	switch s {
	case "s", "m", "h":
		s = "1" + s
	case "d":
		s = "1d"
	}
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, fmt.Errorf("the period %q is not a duration such as 1m, 1h or 1d", s)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, fmt.Errorf("the period %q is not a duration such as 1m, 1h or 1d", s)
		}
	}
	if d < time.Second || d > 31*24*time.Hour {
		return 0, fmt.Errorf("the period %q must be from 1s to 31d", s)
	}
	return d, nil
}

// Decision is a Limiter's answer about one request.
type Decision struct {
	Allowed   bool
	Limit     Limit
	Remaining int // how many more requests the window allows now
	// RetryAfter is, when the request was refused, how long until one more
	// would be allowed.
	RetryAfter time.Duration
}

// Err returns nil for an allowed request, and otherwise an error of kind
// commerce.KindRateLimited for op from which commerce.RetryAfter reads the
// wait.
func (d Decision) Err(op string) error {
	if d.Allowed {
		return nil
	}
	return commerce.RateLimited(op, d.RetryAfter)
}

// Limiter decides whether one more request under a key fits a limit, and
// counts it when it does; a refused request is not counted. The same key
// under two limits is counted separately. Implementations are safe for
// concurrent use and take the time from an injected clock.
type Limiter interface {
	Allow(ctx context.Context, key string, l Limit) (Decision, error)
}
