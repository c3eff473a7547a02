package main

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// slowRoute adds /slow, which signals started and answers once release is
// closed.
func slowRoute(started, release chan struct{}) func(*Main) {
	return func(m *Main) {
		m.around = func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/slow" {
					next.ServeHTTP(w, r)
					return
				}
				close(started)
				<-release
				_, _ = w.Write([]byte("done"))
			})
		}
	}
}

// inFlight starts GET /slow and returns where its status will arrive.
func inFlight(t *testing.T, m *Main) <-chan int {
	t.Helper()
	status := make(chan int, 1)
	go func() {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet,
			"http://"+m.Addr()+"/slow", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			status <- 0
			return
		}
		_ = resp.Body.Close()
		status <- resp.StatusCode
	}()
	return status
}

func TestGracefulShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	started, release := make(chan struct{}), make(chan struct{})
	m, _ := startMain(t, testConfig(t.TempDir()), slowRoute(started, release))
	status := inFlight(t, m)
	<-started

	// Stop while the request runs: new connections are refused at once.
	addr := m.Addr()
	closed := make(chan error, 1)
	go func() { closed <- m.Close() }()
	waitRefused(t, addr)
	select {
	case err := <-closed:
		t.Fatalf("Close returned %v with a request in flight; want it to wait", err)
	case <-time.After(100 * time.Millisecond):
	}

	// The request in flight still completes, and then Close returns.
	close(release)
	if got := <-status; got != http.StatusOK {
		t.Errorf("request in flight during shutdown = %d; want 200", got)
	}
	if err := <-closed; err != nil {
		t.Errorf("Close = %v; want nil", err)
	}
}

func TestShutdownDeadline(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	started, release := make(chan struct{}), make(chan struct{})
	t.Cleanup(func() { close(release) })
	cfg := testConfig(t.TempDir())
	cfg.ShutdownTimeout = 200 * time.Millisecond
	m, _ := startMain(t, cfg, slowRoute(started, release))
	_ = inFlight(t, m)
	<-started

	start := time.Now()
	err := m.Close()
	if err == nil || !strings.Contains(err.Error(), "drain requests") {
		t.Errorf("Close with a stuck request = %v; want a drain error", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Close took %v; want about the 200ms deadline", d)
	}
}

// waitRefused waits until nothing accepts connections at addr.
func waitRefused(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		conn, err := (&net.Dialer{Timeout: 100 * time.Millisecond}).DialContext(
			context.Background(), "tcp", addr)
		if err != nil {
			return
		}
		_ = conn.Close()
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s still accepts connections after Close began", addr)
}
