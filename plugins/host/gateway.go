package host

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/plugins/sdk"
)

// Gateway is one plugin as a payment.Gateway. It implements every optional
// ability, but only those the plugin declares reach it: use
// payment.AsCapturer and its siblings, as for any gateway.
type Gateway struct {
	name string
	path string
	env  []string
	cfg  *Config
	br   *breaker
	life context.Context // the host's: ending it stops the process

	mu       sync.Mutex
	proc     *process // nil: not running
	broken   bool     // the last call lost the process: start another
	closed   bool
	desc     payment.Description
	restarts int
}

var (
	_ payment.Capturer        = (*Gateway)(nil)
	_ payment.Voider          = (*Gateway)(nil)
	_ payment.PartialRefunder = (*Gateway)(nil)
	_ payment.WebhookHandler  = (*Gateway)(nil)
)

// start launches the plugin process and learns its description.
func (g *Gateway) start() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.startLocked()
}

func (g *Gateway) startLocked() error {
	if g.proc != nil {
		g.proc.kill()
		g.proc = nil
	}
	p, err := launch(g.life, g.path, g.env, g.cfg)
	if err != nil {
		return err
	}
	d := p.rpc.Describe()
	if d.Name != g.name {
		p.kill()
		return fmt.Errorf("host: plugin %s describes itself as %q", g.path, d.Name)
	}
	g.proc, g.desc, g.broken = p, d, false
	return nil
}

// conn returns the running plugin's client, starting the plugin again
// when it exited or the last call lost it.
func (g *Gateway) conn() (*sdk.Client, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil, errors.New("the host is closed")
	}
	if g.proc == nil || g.broken || g.proc.client.Exited() {
		if err := g.startLocked(); err != nil {
			return nil, err
		}
		g.restarts++
	}
	return g.proc.rpc, nil
}

// lost records that a call failed in the transport: unless the process
// answers its health check, the next call starts another.
func (g *Gateway) lost(rpc *sdk.Client) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.proc != nil && g.proc.rpc == rpc {
		g.broken = true
	}
}

// check restarts the plugin unless it answers its health check.
func (g *Gateway) check(ctx context.Context) error {
	g.mu.Lock()
	p, closed := g.proc, g.closed
	g.mu.Unlock()
	if closed || (p != nil && p.healthy(ctx)) {
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed || g.proc != p {
		return nil // closed or restarted meanwhile
	}
	if err := g.startLocked(); err != nil {
		return err
	}
	g.restarts++
	return nil
}

func (g *Gateway) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
	if g.proc != nil {
		g.proc.kill()
		g.proc = nil
	}
}

// Name returns the plugin's name.
func (g *Gateway) Name() string { return g.name }

// Pid returns the plugin's process id, or 0 when it is not running.
func (g *Gateway) Pid() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.proc == nil {
		return 0
	}
	return g.proc.pid
}

// Restarts returns how many times the plugin was started again.
func (g *Gateway) Restarts() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.restarts
}

// Describe returns what the plugin said it is and can do when it last
// started.
func (g *Gateway) Describe() payment.Description {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.desc
}

// Authorize implements payment.Gateway.
func (g *Gateway) Authorize(ctx context.Context, c payment.Charge) (payment.Result, error) {
	const op = "authorize"
	if !g.Describe().Accepts(c.Amount.Currency()) {
		return payment.Result{}, commerce.Errorf(commerce.KindInvalid, "payment."+op,
			"el medio de pago no acepta %s", c.Amount.Currency())
	}
	return call(ctx, g, op, c.IdempotencyKey, "",
		func(ctx context.Context, rpc *sdk.Client) (payment.Result, error) {
			return rpc.Authorize(ctx, c)
		})
}

// Refund implements payment.Gateway: a refund of the whole payment.
func (g *Gateway) Refund(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return call(ctx, g, "refund", r.IdempotencyKey, "",
		func(ctx context.Context, rpc *sdk.Client) (payment.Result, error) {
			return rpc.Refund(ctx, r)
		})
}

// RefundPartial implements payment.PartialRefunder.
func (g *Gateway) RefundPartial(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return call(ctx, g, "refund partial", r.IdempotencyKey, payment.CanRefundPartial,
		func(ctx context.Context, rpc *sdk.Client) (payment.Result, error) {
			return rpc.RefundPartial(ctx, r)
		})
}

// Capture implements payment.Capturer.
func (g *Gateway) Capture(ctx context.Context, c payment.Capture) (payment.Result, error) {
	return call(ctx, g, "capture", c.IdempotencyKey, payment.CanCapture,
		func(ctx context.Context, rpc *sdk.Client) (payment.Result, error) {
			return rpc.Capture(ctx, c)
		})
}

// Void implements payment.Voider.
func (g *Gateway) Void(ctx context.Context, v payment.Void) (payment.Result, error) {
	return call(ctx, g, "void", v.IdempotencyKey, payment.CanVoid,
		func(ctx context.Context, rpc *sdk.Client) (payment.Result, error) {
			return rpc.Void(ctx, v)
		})
}

// ParseWebhook implements payment.WebhookHandler. Parsing changes nothing
// at the gateway, so it needs no idempotency key: the event's id is what
// makes applying it once possible.
func (g *Gateway) ParseWebhook(ctx context.Context,
	w payment.Webhook) (payment.Notification, error) {
	return call(ctx, g, "webhook", "-", payment.CanWebhook,
		func(ctx context.Context, rpc *sdk.Client) (payment.Notification, error) {
			return rpc.ParseWebhook(ctx, w)
		})
}

// call runs fn against the plugin: it refuses an ability the plugin did
// not declare and a call without an idempotency key, fails at once while
// the breaker is open, starts the plugin again when it was lost, and
// bounds the call by the configured deadline.
func call[T any](ctx context.Context, g *Gateway, op, key string, needs payment.Capability,
	fn func(context.Context, *sdk.Client) (T, error)) (T, error) {
	var zero T
	if needs != "" && !g.Describe().Has(needs) {
		return zero, &payment.Error{Code: "unsupported", Message: "el medio de pago no permite esto",
			Err: commerce.Errorf(commerce.KindConflict, "payment."+op,
				"el medio de pago %s no ofrece %s", g.name, needs)}
	}
	if key == "" {
		return zero, commerce.Errorf(commerce.KindInvalid, "payment."+op,
			"falta la clave de idempotencia")
	}
	if !g.br.allow(g.cfg.Clock.Now()) {
		return zero, payment.Unavailable("plugin_circuit_open",
			fmt.Errorf("plugin %s: %s: circuit open after repeated failures", g.name, op))
	}
	rpc, err := g.conn()
	if err != nil {
		g.br.failure(g.cfg.Clock.Now())
		return zero, payment.Unavailable("plugin_unavailable",
			fmt.Errorf("plugin %s: %s: %w", g.name, op, err))
	}
	cctx, cancel := context.WithTimeout(ctx, g.cfg.CallTimeout)
	defer cancel()
	res, err := fn(cctx, rpc)
	var pe *payment.Error
	switch {
	case err == nil:
		g.br.success()
		return res, nil
	case errors.As(err, &pe):
		// The gateway answered: a decline is a healthy answer, a
		// retryable failure says the gateway behind the plugin is down.
		if pe.Retryable {
			g.br.failure(g.cfg.Clock.Now())
		} else {
			g.br.success()
		}
		return zero, err
	case ctx.Err() != nil:
		// The caller gave up; the plugin is not to blame.
		return zero, payment.Unavailable("plugin_canceled",
			fmt.Errorf("plugin %s: %s: %w", g.name, op, ctx.Err()))
	}
	g.br.failure(g.cfg.Clock.Now())
	code := "plugin_crashed"
	if cctx.Err() != nil || status.Code(err) == codes.DeadlineExceeded {
		code = "plugin_timeout"
	} else {
		g.lost(rpc)
	}
	return zero, payment.Unavailable(code, fmt.Errorf("plugin %s: %s: %w", g.name, op, err))
}

// BreakerOpen reports whether the gateway's circuit breaker is refusing
// calls.
func (g *Gateway) BreakerOpen() bool { return g.br.open() }
