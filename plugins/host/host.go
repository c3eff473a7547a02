package host

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
)

// Config says which plugins to run and how to watch them. Zero durations
// and counts take the defaults given.
type Config struct {
	// Dir is the plugins directory; a plugin named "stripe" is the
	// executable Dir/stripe.
	Dir string
	// Names are the plugins to start, such as "stripe": lower-case
	// letters, digits and underscores. Each must describe itself under the
	// same name.
	Names []string
	// Env is the environment plugins take their part of; os.Environ() when
	// nil.
	Env []string
	// CallTimeout bounds every call to a plugin; 20 seconds by default.
	CallTimeout time.Duration
	// StartTimeout bounds starting a plugin and its handshake; 10 seconds.
	StartTimeout time.Duration
	// HealthInterval is how often Open's watcher pings every plugin and
	// restarts the dead ones; 15 seconds. Negative: no watcher (call Check).
	HealthInterval time.Duration
	// FailureThreshold is how many failed calls in a row open a gateway's
	// circuit breaker; 5.
	FailureThreshold int
	// Cooldown is how long an open breaker refuses calls before letting
	// one through; 30 seconds.
	Cooldown time.Duration
	// Clock times the breaker; the system clock when nil.
	Clock commerce.Clock
	// Stderr receives what plugins write to their standard error;
	// discarded when nil.
	Stderr io.Writer
}

func (c *Config) defaults() {
	if c.Env == nil {
		c.Env = os.Environ()
	}
	if c.CallTimeout <= 0 {
		c.CallTimeout = 20 * time.Second
	}
	if c.StartTimeout <= 0 {
		c.StartTimeout = 10 * time.Second
	}
	if c.HealthInterval == 0 {
		c.HealthInterval = 15 * time.Second
	}
	if c.FailureThreshold <= 0 {
		c.FailureThreshold = 5
	}
	if c.Cooldown <= 0 {
		c.Cooldown = 30 * time.Second
	}
	if c.Clock == nil {
		c.Clock = commerce.SystemClock{}
	}
	if c.Stderr == nil {
		c.Stderr = io.Discard
	}
}

var validName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// Host runs a set of payment plugins. It is safe for concurrent use.
type Host struct {
	gateways []*Gateway
	life     context.Context // ends with Close, and with it the plugins
	stop     context.CancelFunc
	done     sync.WaitGroup
	once     sync.Once
}

// Open starts every plugin cfg names and asks each what it is and can do.
// It fails, stopping what it started, when a plugin is missing, does not
// start, speaks another protocol version or describes itself under another
// name.
func Open(ctx context.Context, cfg Config) (*Host, error) {
	cfg.defaults()
	h := &Host{}
	h.life, h.stop = context.WithCancel(context.WithoutCancel(ctx))
	seen := map[string]bool{}
	for _, name := range cfg.Names {
		if !validName.MatchString(name) || seen[name] {
			h.stop()
			h.closeAll()
			return nil, fmt.Errorf("host: plugin name %q is invalid or repeated", name)
		}
		seen[name] = true
		g := &Gateway{name: name, path: filepath.Join(cfg.Dir, name), cfg: &cfg,
			env: pluginEnv(name, cfg.Env), life: h.life,
			br: &breaker{threshold: cfg.FailureThreshold, cooldown: cfg.Cooldown}}
		if err := g.start(); err != nil {
			h.stop()
			h.closeAll()
			return nil, err
		}
		h.gateways = append(h.gateways, g)
	}
	if cfg.HealthInterval > 0 && len(h.gateways) > 0 {
		h.done.Add(1)
		go h.watch(h.life, cfg.HealthInterval)
	}
	return h, nil
}

// Gateways returns the plugins' gateways, in the order of Config.Names,
// to register with payment.NewRegistry.
func (h *Host) Gateways() []payment.Gateway {
	out := make([]payment.Gateway, len(h.gateways))
	for i, g := range h.gateways {
		out[i] = g
	}
	return out
}

// Gateway returns the plugin named name.
func (h *Host) Gateway(name string) (*Gateway, bool) {
	for _, g := range h.gateways {
		if g.name == name {
			return g, true
		}
	}
	return nil, false
}

// Check pings every plugin and restarts those that do not answer. It
// returns the restarts that failed; the watcher Open starts calls it.
func (h *Host) Check(ctx context.Context) error {
	var errs []error
	for _, g := range h.gateways {
		if err := g.check(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (h *Host) watch(life context.Context, every time.Duration) {
	defer h.done.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-life.Done():
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(life, every)
			_ = h.Check(ctx) // a plugin that stays down fails its calls, clearly
			cancel()
		}
	}
}

// Close stops the watcher and every plugin process. Calls after Close fail
// as unavailable.
func (h *Host) Close() error {
	h.once.Do(func() {
		h.stop()
		h.done.Wait()
		h.closeAll()
	})
	return nil
}

func (h *Host) closeAll() {
	for _, g := range h.gateways {
		g.close()
	}
}
