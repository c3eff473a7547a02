package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// checkPprofAddr checks COMMERCE_PPROF_ADDR: empty (the default, no
// profiler) or a loopback IP and a port, so that profiles never reach the
// network.
func checkPprofAddr(addr string) error {
	if addr == "" {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil || checkAddr(addr) != nil {
		return errors.New("want a loopback address and port, such as 127.0.0.1:6060")
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return errors.New("the profiler listens on loopback only: 127.0.0.1 or ::1")
	}
	return nil
}

// startPprof serves net/http/pprof on its own loopback listener, apart
// from the public handler, when the configuration asks for it. The
// returned stop closes it; it is a no-op when nothing was started.
func startPprof(ctx context.Context, addr string, log *slog.Logger) (func(), error) {
	if addr == "" {
		return func() {}, nil
	}
	if err := checkPprofAddr(addr); err != nil {
		return nil, fmt.Errorf("COMMERCE_PPROF_ADDR %q: %w", addr, err)
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("pprof: listen on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	log.Warn("pprof: profiler listening; for diagnosis only", "addr", ln.Addr().String())
	return func() { _ = srv.Close() }, nil
}
