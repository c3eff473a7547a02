package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

// ceilingBody is about what a small API answer weighs.
var ceilingBody = []byte(`{"status":"ok","checks":{"database":"ok"}}` + "\n")

// startCeiling serves a handler that does nothing but answer, on a loopback
// port of its own: what net/http and this client reach on this machine
// with no application at all. It returns the URL and a stop function.
func startCeiling() (string, func(), error) {
	ln, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("ceiling: %w", err)
	}
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			_, _ = w.Write(ceilingBody)
		})}
	go func() { _ = srv.Serve(ln) }()
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
	return "http://" + ln.Addr().String() + "/health", stop, nil
}
