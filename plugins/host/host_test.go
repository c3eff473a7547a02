package host_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/payment/paymenttest"
	"github.com/ecommerce-moderno/moderno/plugins/host"
)

// faultDir holds the fault plugin, built once for every test.
var faultDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "faultgw-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	faultDir = dir
	if err := build("./internal/faultgw", filepath.Join(dir, "faultgw")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

func build(pkg, out string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, b)
	}
	return nil
}

func open(t *testing.T, cfg host.Config) *host.Host {
	t.Helper()
	if cfg.HealthInterval == 0 {
		cfg.HealthInterval = -1 // tests call Check themselves
	}
	h, err := host.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open = %v", err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h
}

// faultHost runs the fault plugin with its files in a fresh directory,
// which it returns.
func faultHost(t *testing.T, cfg host.Config) (*host.Host, *host.Gateway, string) {
	t.Helper()
	files := t.TempDir()
	cfg.Dir, cfg.Names = faultDir, []string{"faultgw"}
	cfg.Env = append([]string{"COMMERCE_FAULTGW_DIR=" + files}, cfg.Env...)
	h := open(t, cfg)
	g, _ := h.Gateway("faultgw")
	return h, g, files
}

func clp(n int64) commerce.Money { return commerce.FromMinor(n, commerce.CLP) }

// lines returns the lines of one of the fault plugin's files.
func lines(t *testing.T, dir, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(string(b))
}

// waitFor polls cond until it holds, failing the test after a deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func gone(pid int) bool { return syscall.Kill(pid, 0) != nil }

func TestTemplateIsBuiltLoadedAndKeepsTheContract(t *testing.T) {
	dir := t.TempDir()
	if err := build("../template", filepath.Join(dir, "template")); err != nil {
		t.Fatal(err)
	}
	h, err := host.Open(context.Background(), host.Config{Dir: dir, Names: []string{"template"},
		HealthInterval: -1})
	if err != nil {
		t.Fatalf("Open = %v", err)
	}
	gws := h.Gateways()
	if len(gws) != 1 {
		t.Fatalf("Gateways = %v; want the template", gws)
	}
	g := gws[0]
	paymenttest.Run(t, g, payment.Charge{OrderNumber: "CL-2026-HOST-0001", Amount: clp(26970)})
	d := g.Describe()
	if d.Name != "template" || !d.Accepts(commerce.CLP) || d.Accepts(commerce.USD) {
		t.Errorf("Describe = %+v; want template, CLP only", d)
	}
	if _, ok := payment.AsPartialRefunder(g); !ok {
		t.Error("the template declares partial refunds; the host does not see them")
	}
	if _, ok := payment.AsCapturer(g); ok {
		t.Error("the host sees a capture the template never declared")
	}
	_, err = g.(payment.Capturer).Capture(context.Background(), payment.Capture{
		IdempotencyKey: "k", Reference: "r", Amount: clp(1)})
	if commerce.ErrorKind(err) != commerce.KindConflict {
		t.Errorf("Capture on the template = %v; want KindConflict", err)
	}
	_, err = g.Authorize(context.Background(), payment.Charge{IdempotencyKey: "k",
		Amount: commerce.FromMinor(100, commerce.USD)})
	if commerce.ErrorKind(err) != commerce.KindInvalid {
		t.Errorf("Authorize in USD = %v; want KindInvalid", err)
	}
	pid := h.Gateways()[0].(*host.Gateway).Pid()
	if pid <= 0 || gone(pid) {
		t.Fatalf("plugin pid %d is not running", pid)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the plugin to stop with the host", func() bool { return gone(pid) })
	_, err = g.Authorize(context.Background(), payment.Charge{IdempotencyKey: "k2",
		Amount: clp(100)})
	if commerce.ErrorKind(err) != commerce.KindUnavailable {
		t.Errorf("Authorize after Close = %v; want KindUnavailable", err)
	}
}

func TestOpenRefusesClearly(t *testing.T) {
	renamed := t.TempDir()
	b, err := os.ReadFile(filepath.Join(faultDir, "faultgw"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(renamed, "other"), b, 0o700); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  host.Config
		want string
	}{
		{"missing", host.Config{Dir: t.TempDir(), Names: []string{"stripe"}},
			"no such file"},
		{"bad name", host.Config{Dir: faultDir, Names: []string{"../faultgw"}}, "invalid"},
		{"repeated", host.Config{Dir: faultDir, Names: []string{"faultgw", "faultgw"}},
			"repeated"},
		{"describes itself otherwise", host.Config{Dir: renamed, Names: []string{"other"}},
			`describes itself as "faultgw"`},
		{"another protocol version", host.Config{Dir: faultDir, Names: []string{"faultgw"},
			Env: []string{"COMMERCE_FAULTGW_PROTOCOL=2"}}, "Plugin version: 2, Client versions: [1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.HealthInterval = -1
			h, err := host.Open(context.Background(), tt.cfg)
			if err == nil {
				_ = h.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open = %v; want it to say %q", err, tt.want)
			}
		})
	}
}

func TestSlowPluginHitsTheDeadline(t *testing.T) {
	_, g, files := faultHost(t, host.Config{CallTimeout: 300 * time.Millisecond})
	_, err := g.Authorize(context.Background(), payment.Charge{IdempotencyKey: "slow-1",
		Amount: clp(1000), Token: "hang"})
	var pe *payment.Error
	if !errors.As(err, &pe) || pe.Code != "plugin_timeout" || !pe.Retryable ||
		commerce.ErrorKind(err) != commerce.KindUnavailable {
		t.Fatalf("Authorize(hang) = %v; want a retryable plugin_timeout, unavailable", err)
	}
	if pe.Message == "" || strings.Contains(pe.Message, "plugin") {
		t.Errorf("message for shoppers = %q; want a plain Spanish message", pe.Message)
	}
	res, err := g.Authorize(context.Background(), payment.Charge{IdempotencyKey: "slow-2",
		Amount: clp(1000)})
	if err != nil || res.Status != payment.StatusCaptured {
		t.Errorf("Authorize after a timeout = %+v, %v; want captured", res, err)
	}
	if got := lines(t, files, "charges"); len(got) != 1 || got[0] != "slow-2" {
		t.Errorf("charges = %v; want only slow-2", got)
	}
}

func TestRepeatedFailuresOpenTheBreaker(t *testing.T) {
	now := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	clock := commerce.ClockFunc(func() time.Time { return now })
	_, g, files := faultHost(t, host.Config{FailureThreshold: 3, Cooldown: time.Minute,
		Clock: clock})
	ctx := context.Background()
	authorize := func(key, token string) error {
		_, err := g.Authorize(ctx, payment.Charge{IdempotencyKey: key, Amount: clp(500),
			Token: token})
		return err
	}
	for i := range 5 {
		if err := authorize("declined-"+strconv.Itoa(i), "decline"); payment.Retryable(err) {
			t.Fatalf("decline %d = %v; want a final decline", i, err)
		}
	}
	if g.BreakerOpen() {
		t.Fatal("declines opened the breaker: they are answers, not failures")
	}
	for i := range 3 {
		err := authorize("down-"+strconv.Itoa(i), "down")
		var pe *payment.Error
		if !errors.As(err, &pe) || pe.Code != "gateway_down" {
			t.Fatalf("call %d = %v; want the gateway's own gateway_down", i, err)
		}
	}
	calls := len(lines(t, files, "calls"))
	err := authorize("refused", "")
	var pe *payment.Error
	if !errors.As(err, &pe) || pe.Code != "plugin_circuit_open" ||
		commerce.ErrorKind(err) != commerce.KindUnavailable || !g.BreakerOpen() {
		t.Fatalf("call with the breaker open = %v; want plugin_circuit_open", err)
	}
	if got := len(lines(t, files, "calls")); got != calls {
		t.Errorf("the plugin got %d calls while the breaker was open", got-calls)
	}
	now = now.Add(time.Minute)
	if err := authorize("after-cooldown", ""); err != nil {
		t.Fatalf("the trial call after the cooldown = %v", err)
	}
	if g.BreakerOpen() {
		t.Error("a successful trial call left the breaker open")
	}
}

func TestCrashedPluginIsRestarted(t *testing.T) {
	h, g, _ := faultHost(t, host.Config{})
	pid := g.Pid()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the plugin to die", func() bool { return gone(pid) })
	if err := h.Check(context.Background()); err != nil {
		t.Fatalf("Check = %v", err)
	}
	if g.Restarts() != 1 || g.Pid() == pid || gone(g.Pid()) {
		t.Fatalf("after Check: %d restarts, pid %d (was %d); want a new process",
			g.Restarts(), g.Pid(), pid)
	}
	if err := h.Check(context.Background()); err != nil || g.Restarts() != 1 {
		t.Errorf("Check of a healthy plugin = %v, %d restarts; want nothing done", err,
			g.Restarts())
	}
	res, err := g.Authorize(context.Background(), payment.Charge{IdempotencyKey: "after",
		Amount: clp(100)})
	if err != nil || res.Status != payment.StatusCaptured {
		t.Errorf("Authorize after the restart = %+v, %v", res, err)
	}
}

func TestEveryCallCarriesAKey(t *testing.T) {
	_, g, files := faultHost(t, host.Config{})
	_, err := g.Authorize(context.Background(), payment.Charge{Amount: clp(100)})
	if commerce.ErrorKind(err) != commerce.KindInvalid {
		t.Errorf("Authorize without a key = %v; want KindInvalid", err)
	}
	if got := lines(t, files, "calls"); len(got) != 0 {
		t.Errorf("the plugin was called without a key: %v", got)
	}
}
