package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

func TestShopEndToEndSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	checkShop(t, accountsConfig(t.TempDir()))
}

func TestShopEndToEndMariaDB(t *testing.T) {
	dsn := os.Getenv(mysqlDSNVariable)
	if dsn == "" {
		t.Skip(mysqlDSNVariable + " is not set")
	}
	cfg := accountsConfig(t.TempDir())
	cfg.DatabaseURL = createMySQLDatabase(t, dsn)
	checkShop(t, cfg)
}

// checkShop buys through the whole server: a guest cart, sign-up, the
// merge, checkout with an Idempotency-Key, the history, and staff moving
// the order, with the order's events relayed to the server's bus.
func checkShop(t *testing.T, cfg Config) {
	m, logs := startMain(t, cfg)
	var mu sync.Mutex
	var heard []string
	m.events.Subscribe("*", func(_ context.Context, e commerce.Event) error {
		mu.Lock()
		defer mu.Unlock()
		heard = append(heard, e.Name)
		return nil
	})
	decodeJSON := func(body string) map[string]any {
		var v map[string]any
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatalf("not JSON: %q", body)
		}
		return v
	}
	list := fetchJSON(t, m, "/products?in_stock=true&limit=1", http.StatusOK)
	product := list["data"].([]any)[0].(map[string]any)
	pid := strconv.FormatFloat(product["id"].(float64), 'f', -1, 64)

	code, h, body := send(t, m, http.MethodPost, "/cart/items",
		`{"product_id":`+pid+`,"quantity":1}`, nil)
	token := h.Get("X-Cart-Token")
	if code != http.StatusCreated || token == "" ||
		!strings.Contains(h.Get("Set-Cookie"), "moderno_cart=") {
		t.Fatalf("guest POST /cart/items = %d %s, token %q", code, body, token)
	}

	code, _, body = send(t, m, http.MethodPost, "/auth/register",
		`{"email":"ana@example.cl","password":"Clave-Segura-2030!","name":"Ana Rojas",`+
			`"phone":"+56912345678"}`, nil)
	if code != http.StatusCreated {
		t.Fatalf("register = %d %s", code, body)
	}
	_, access := login(t, m, "ana@example.cl", "Clave-Segura-2030!")
	ana := map[string]string{"Authorization": "Bearer " + access, "X-Cart-Token": token,
		"Idempotency-Key": "pedido-1"}
	place := `{"shipping_address":{"street":"Av. Providencia 1234","city":"Santiago",` +
		`"region":"RM"},"payment_method":"bank_transfer"}`
	code, h, body = send(t, m, http.MethodPost, "/orders", place, ana)
	if code != http.StatusCreated {
		t.Fatalf("POST /orders = %d %s\n%s", code, body, logs)
	}
	placed := decodeJSON(body)["data"].(map[string]any)
	location := h.Get("Location")
	checkTransferMail(t, m, body, location, ana)
	if code, h, again := send(t, m, http.MethodPost, "/orders", place, ana); code !=
		http.StatusCreated || again != body || h.Get("Idempotent-Replayed") != "true" {
		t.Errorf("retry = %d %s; want the first response replayed", code, again)
	}
	delete(ana, "X-Cart-Token")
	delete(ana, "Idempotency-Key")
	code, _, body = send(t, m, http.MethodGet, "/orders", "", ana)
	if code != http.StatusOK || len(decodeJSON(body)["data"].([]any)) != 1 {
		t.Errorf("GET /orders = %d %s; want the order", code, body)
	}

	_, admin := login(t, m, "jefa@tienda.cl", adminPassword)
	staff := map[string]string{"Authorization": "Bearer " + admin}
	code, _, body = send(t, m, http.MethodPut, location+"/status", `{"status":"confirmed"}`,
		staff)
	if code != http.StatusOK {
		t.Errorf("PUT status = %d %s", code, body)
	}
	code, _, body = send(t, m, http.MethodGet, "/admin/orders.csv", "", staff)
	if code != http.StatusOK || !strings.Contains(body, placed["number"].(string)+",") {
		t.Errorf("GET /admin/orders.csv = %d %s; want the order", code, body)
	}

	// The order's creation is relayed right after the commit; the status
	// change by the relay job, within a few of its one-second ticks.
	heardAll := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return slices.Contains(heard, order.EventCreated) &&
			slices.Contains(heard, order.EventStatusChanged)
	}
	for deadline := time.Now().Add(15 * time.Second); !heardAll(); {
		if time.Now().After(deadline) {
			mu.Lock()
			t.Fatalf("the bus heard %v; want %s and %s", heard, order.EventCreated,
				order.EventStatusChanged)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
