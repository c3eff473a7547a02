package ratelimit

import (
	"context"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Slots is how many buckets a window is cut into, by Memory and by the
// Redis adapter alike. More slots waste less of the limit at the cost of
// memory: a refusal may last up to Period/Slots longer than an exact count
// would make it.
const Slots = 60

// DefaultMaxKeys is how many keys a Memory tracks when not told.
const DefaultMaxKeys = 100_000

// MemoryConfig holds what a Memory needs.
type MemoryConfig struct {
	Clock commerce.Clock // the system clock when nil
	// MaxKeys bounds memory: DefaultMaxKeys when zero. Idle keys are
	// forgotten first; past the bound, arbitrary keys are, which resets
	// their counts.
	MaxKeys int
}

// Memory is an in-process Limiter. Each key's window is cut into buckets,
// and a request is allowed only when the buckets that cover the last
// Period, rounded outwards, hold fewer than Count: so never more than Count
// requests in any window of Period. It is safe for concurrent use; its
// counts are its process's alone.
type Memory struct {
	mu        sync.Mutex
	clock     commerce.Clock
	max       int
	windows   map[string]*window
	nextSweep time.Time
}

var _ Limiter = (*Memory)(nil)

// NewMemory returns an empty Memory.
func NewMemory(cfg MemoryConfig) *Memory {
	m := &Memory{clock: cfg.Clock, max: cfg.MaxKeys, windows: map[string]*window{}}
	if m.clock == nil {
		m.clock = commerce.SystemClock{}
	}
	if m.max <= 0 {
		m.max = DefaultMaxKeys
	}
	return m
}

// Allow counts one request under key when it fits the limit.
func (m *Memory) Allow(_ context.Context, key string, l Limit) (Decision, error) {
	if l.Unlimited() {
		return Decision{Allowed: true, Limit: l}, nil
	}
	now := m.clock.Now()
	id := l.String() + "\x00" + key

	m.mu.Lock()
	defer m.mu.Unlock()
	w := m.windows[id]
	if w == nil {
		m.makeRoom(now)
		w = &window{width: max(l.Period/Slots, time.Nanosecond)}
		w.last = w.bucket(now)
		m.windows[id] = w
	}
	return w.allow(now, l), nil
}

// Len returns how many keys the limiter tracks, for tests and metrics.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.windows)
}

// makeRoom forgets idle windows once a minute or when full, and arbitrary
// ones when still full.
func (m *Memory) makeRoom(now time.Time) {
	if len(m.windows) < m.max && now.Before(m.nextSweep) {
		return
	}
	m.nextSweep = now.Add(time.Minute)
	for id, w := range m.windows {
		if w.idle(now) {
			delete(m.windows, id)
		}
	}
	for id := range m.windows {
		if len(m.windows) < m.max-m.max/10 {
			break
		}
		delete(m.windows, id)
	}
}

// window counts one key's requests in buckets of width, kept in a ring
// indexed by bucket number.
type window struct {
	width  time.Duration
	last   int64 // the bucket number of the newest count
	counts [Slots + 1]uint32
}

// ring returns where bucket b lives in the ring, for any b.
func ring(b int64) int64 {
	r := b % (Slots + 1)
	if r < 0 {
		r += Slots + 1
	}
	return r
}

func (w *window) bucket(now time.Time) int64 { return now.UnixNano() / int64(w.width) }

func (w *window) idle(now time.Time) bool { return w.bucket(now)-w.last > Slots }

func (w *window) allow(now time.Time, l Limit) Decision {
	b := max(w.bucket(now), w.last) // a clock stepping back counts as now
	w.advance(b)
	sum := 0
	for _, c := range w.counts {
		sum += int(c)
	}
	if sum >= l.Count {
		return Decision{Limit: l, RetryAfter: w.retry(b, sum, l.Count, now)}
	}
	w.counts[ring(b)]++
	return Decision{Allowed: true, Limit: l, Remaining: l.Count - sum - 1}
}

// advance zeroes the buckets that fell out of the window by bucket b.
func (w *window) advance(b int64) {
	if b-w.last > Slots {
		w.counts = [Slots + 1]uint32{}
	} else {
		for i := w.last + 1; i <= b; i++ {
			w.counts[ring(i)] = 0
		}
	}
	w.last = b
}

// retry returns how long until enough of the oldest buckets fall out for
// one more request to fit. Bucket i leaves the window when bucket
// i+Slots+1 begins.
func (w *window) retry(b int64, sum, count int, now time.Time) time.Duration {
	for i := b - Slots; i <= b; i++ {
		sum -= int(w.counts[ring(i)])
		if sum < count {
			leaves := time.Unix(0, (i+Slots+1)*int64(w.width))
			return leaves.Sub(now)
		}
	}
	return w.width
}
