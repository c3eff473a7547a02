package auth_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

func TestSecurityLog(t *testing.T) {
	var buf bytes.Buffer
	var bus commerce.Bus
	log := auth.SecurityLog(slog.New(slog.NewJSONHandler(&buf, nil)))
	for _, name := range auth.SecurityEvents {
		bus.Subscribe(name, log)
	}
	ctx := auth.WithOrigin(context.Background(), auth.Origin{IP: "192.0.2.4",
		RequestID: "req-9"})
	se := auth.SecurityEvent{UserID: 42, Reason: "bad_password", Subject: "ab12"}
	at := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := bus.Publish(ctx, se.Event(ctx, auth.EventLoginFailed, at),
		commerce.Event{Name: auth.EventLogout, Data: "not a security event"}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("log is not one JSON record: %v\n%s", err, buf.String())
	}
	want := map[string]any{"level": "WARN", "event": auth.EventLoginFailed, "user_id": 42.0,
		"ip": "192.0.2.4", "request_id": "req-9", "reason": "bad_password", "subject": "ab12"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("log %s = %v; want %v", k, got[k], v)
		}
	}
}

func TestOriginFromEmptyContext(t *testing.T) {
	if o := auth.OriginFrom(context.Background()); o != (auth.Origin{}) {
		t.Errorf("OriginFrom(empty) = %+v; want zero", o)
	}
}
