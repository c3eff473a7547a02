package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

func TestPprofOffByDefault(t *testing.T) {
	c, _, err := ParseConfig(nil, env(map[string]string{}))
	if err != nil {
		t.Fatalf("ParseConfig = %v", err)
	}
	if c.PprofAddr != "" {
		t.Errorf("PprofAddr = %q by default; want empty (no profiler)", c.PprofAddr)
	}
	stop, err := startPprof(context.Background(), "", slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("startPprof(\"\") = %v", err)
	}
	stop()
}

func TestPprofRefusesPublicAddress(t *testing.T) {
	stop, err := startPprof(context.Background(), "0.0.0.0:0", slog.New(slog.DiscardHandler))
	if err == nil {
		stop()
		t.Fatal("startPprof on 0.0.0.0 started; want it refused")
	}
}

func TestPprofAnswers(t *testing.T) {
	var logs strings.Builder
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	stop, err := startPprof(context.Background(), "127.0.0.1:0", log)
	if err != nil {
		t.Fatalf("startPprof = %v", err)
	}
	defer stop()
	addr := between(logs.String(), `"addr":"`, `"`)
	resp, err := http.Get("http://" + addr + "/debug/pprof/cmdline")
	if err != nil {
		t.Fatalf("GET cmdline: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(body) == 0 {
		t.Errorf("GET cmdline = %d %q; want 200 with the command line", resp.StatusCode, body)
	}
}

func between(s, from, to string) string {
	_, s, _ = strings.Cut(s, from)
	s, _, _ = strings.Cut(s, to)
	return s
}
