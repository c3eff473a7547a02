// Command faultgw is a payment plugin for the host's fault tests. What it
// does depends on the charge's token, and it keeps its charges in files
// under COMMERCE_FAULTGW_DIR, as a provider keeps them on its servers, so
// that they outlive the process:
//
//   - "" or "ok": charges once per idempotency key (file "charges").
//   - "crash_once": the first time, writes its pid to "in_call" and hangs
//     until the test kills it; afterwards, as "ok".
//   - "hang": never answers, whatever the deadline.
//   - "down": fails as a gateway that is down (retryable).
//   - "decline": declines.
//   - "hold": authorizes only (with COMMERCE_FAULTGW_HOLD=1, which also
//     declares capture and void). Void then writes its pid to "in_call"
//     and hangs until killed the first time; afterwards it voids, once per
//     key (file "voids").
//
// Every authorization is counted in "calls". COMMERCE_FAULTGW_PROTOCOL makes
// it claim another protocol version in the handshake.
package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/go-plugin"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/plugins/sdk"
)

func main() {
	g := &gateway{dir: os.Getenv("COMMERCE_FAULTGW_DIR"),
		hold: os.Getenv("COMMERCE_FAULTGW_HOLD") == "1"}
	if v, err := strconv.Atoi(os.Getenv("COMMERCE_FAULTGW_PROTOCOL")); err == nil && v > 0 {
		hs := sdk.Handshake
		hs.ProtocolVersion = uint(v)
		plugin.Serve(&plugin.ServeConfig{HandshakeConfig: hs, Plugins: sdk.Plugins(g),
			GRPCServer: plugin.DefaultGRPCServer})
		return
	}
	sdk.Serve(g)
}

type gateway struct {
	dir  string
	hold bool
	mu   sync.Mutex
}

func (g *gateway) Describe() payment.Description {
	d := payment.Description{Name: "faultgw", DisplayName: "Pasarela de fallas",
		Currencies: []commerce.Currency{commerce.CLP}}
	if g.hold {
		d.Capabilities = []payment.Capability{payment.CanCapture, payment.CanVoid}
	}
	return d
}

func (g *gateway) Capture(_ context.Context, c payment.Capture) (payment.Result, error) {
	return payment.Result{Status: payment.StatusCaptured, Reference: c.Reference,
		Amount: c.Amount}, nil
}

func (g *gateway) Void(_ context.Context, v payment.Void) (payment.Result, error) {
	if g.firstCrash() {
		select {} // killed by the test, mid-call
	}
	res := payment.Result{Status: payment.StatusVoided, Reference: v.Reference}
	return res, g.appendLine("voids", v.IdempotencyKey)
}

func (g *gateway) Authorize(_ context.Context, c payment.Charge) (payment.Result, error) {
	if err := g.appendLine("calls", c.IdempotencyKey); err != nil {
		return payment.Result{}, err
	}
	switch c.Token {
	case "crash_once":
		if g.firstCrash() {
			select {} // killed by the test, mid-call
		}
	case "hang":
		select {}
	case "down":
		return payment.Result{}, payment.Temporary("gateway_down", errors.New("503"))
	case "decline":
		return payment.Result{}, payment.Declined("card_declined", "la tarjeta fue rechazada")
	case "hold":
		return payment.Result{Status: payment.StatusAuthorized,
			Reference: "fg_" + c.IdempotencyKey, Amount: c.Amount}, nil
	}
	return g.charge(c)
}

// firstCrash reports whether this is the first "crash_once" call, and then
// writes the pid for the test to kill.
func (g *gateway) firstCrash() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, err := os.Stat(g.path("in_call")); err == nil {
		return false
	}
	tmp := g.path("in_call.tmp")
	if os.WriteFile(tmp, []byte(strconv.Itoa(os.Getpid())), 0o600) != nil {
		return false
	}
	return os.Rename(tmp, g.path("in_call")) == nil
}

// charge records one charge per idempotency key and returns it.
func (g *gateway) charge(c payment.Charge) (payment.Result, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	res := payment.Result{Status: payment.StatusCaptured, Reference: "fg_" + c.IdempotencyKey,
		Amount: c.Amount}
	data, err := os.ReadFile(g.path("charges"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return payment.Result{}, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line == c.IdempotencyKey {
			return res, nil
		}
	}
	return res, g.appendLocked("charges", c.IdempotencyKey)
}

func (g *gateway) Refund(_ context.Context, r payment.Refund) (payment.Result, error) {
	return payment.Result{Status: payment.StatusRefunded, Reference: r.Reference,
		Amount: r.Amount}, nil
}

func (g *gateway) appendLine(file, line string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.appendLocked(file, line)
}

func (g *gateway) appendLocked(file, line string) error {
	f, err := os.OpenFile(g.path(file), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = f.WriteString(line + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (g *gateway) path(name string) string { return filepath.Join(g.dir, name) }
