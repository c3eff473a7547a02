package main

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// stripeMock starts stripe-mock on a free loopback port and returns its
// address. `make go-test` installs it into .tools/bin; elsewhere the test
// looks in PATH and in COMMERCE_TEST_STRIPE_MOCK, and skips without it.
func stripeMock(t *testing.T) string {
	t.Helper()
	bin := mockBinary()
	if bin == "" {
		t.Skip("stripe-mock is not installed: run `make stripe-mock` " +
			"(go install github.com/stripe/stripe-mock@v0.203.0 into .tools/bin)")
	}
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatalf("start stripe-mock: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	addr := make(chan string, 1)
	go func() {
		const prefix = "Listening for HTTP at address: "
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), prefix); ok {
				addr <- a
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case a := <-addr:
		return "http://" + a
	case <-time.After(30 * time.Second):
		t.Fatal("stripe-mock did not say where it listens")
		return ""
	}
}

func mockBinary() string {
	if p := os.Getenv("COMMERCE_TEST_STRIPE_MOCK"); p != "" {
		return p
	}
	if p, err := exec.LookPath("stripe-mock"); err == nil {
		return p
	}
	dir, err := os.Getwd()
	for err == nil {
		p := filepath.Join(dir, ".tools", "bin", "stripe-mock")
		if _, serr := os.Stat(p); serr == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return ""
}

// call is one request the gateway sent to Stripe.
type call struct {
	Method, Path, Key string
	Form              url.Values
}

// recorder is a proxy in front of stripe-mock that records what the
// gateway sends. stripe-mock keeps no state, so the proxy also does what
// Stripe does with an Idempotency-Key it has seen: it replays the first
// response.
type recorder struct {
	URL    string
	mu     sync.Mutex
	calls  []call
	replay map[string]*httptest.ResponseRecorder
}

func record(t *testing.T, target string) *recorder {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	r := &recorder{replay: map[string]*httptest.ResponseRecorder{}}
	proxy := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		form, _ := url.ParseQuery(string(body))
		key := req.Header.Get("Idempotency-Key")
		r.mu.Lock()
		defer r.mu.Unlock()
		r.calls = append(r.calls, call{Method: req.Method, Path: req.URL.Path, Key: key,
			Form: form})
		first, seen := r.replay[key]
		if !seen {
			first = httptest.NewRecorder()
			req.Body = io.NopCloser(strings.NewReader(string(body)))
			proxy.ServeHTTP(first, req)
			if key != "" {
				r.replay[key] = first
			}
		}
		for k, v := range first.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(first.Code)
		_, _ = w.Write(first.Body.Bytes())
	}))
	t.Cleanup(srv.Close)
	r.URL = srv.URL
	return r
}

// take returns the calls recorded since the last take.
func (r *recorder) take() []call {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.calls
	r.calls = nil
	return out
}
