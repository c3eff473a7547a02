package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

// withBank adds a production shop's bank details to vars.
func withBank(vars map[string]string) map[string]string {
	for _, v := range bankVars {
		vars[v.env] = "real " + v.label
	}
	return vars
}

func TestBankSettings(t *testing.T) {
	c, _, err := ParseConfig(nil, env(map[string]string{"COMMERCE_BANK_RUT": "76.123.456-7"}))
	if err != nil {
		t.Fatal(err)
	}
	text := c.transferInstructions()
	for _, want := range []string{"RUT: 76.123.456-7", "Banco: Banco Demo (DEMO",
		"Número de cuenta: ", "Titular: ", "Correo para el comprobante: "} {
		if !strings.Contains(text, want) {
			t.Errorf("instructions %q; want %q", text, want)
		}
	}
}

// checkTransferMail checks, after a bank transfer order was placed with the
// response placedBody at location, that the order's page gives the
// transfer instructions and that one confirmation mail is written, even
// when the relay repeats order.created.
func checkTransferMail(t *testing.T, m *Main, placedBody, location string,
	headers map[string]string) {
	t.Helper()
	var placed struct {
		Data struct {
			ID           int64   `json:"id"`
			Number       string  `json:"number"`
			Instructions *string `json:"payment_instructions"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(placedBody), &placed); err != nil {
		t.Fatal(err)
	}
	want := m.Config.transferInstructions()
	if p := placed.Data.Instructions; p == nil || *p != want {
		t.Errorf("POST /orders payment_instructions = %v; want %q", p, want)
	}
	code, _, body := send(t, m, http.MethodGet, location, "", headers)
	if code != http.StatusOK || !strings.Contains(body, strconv.Quote(want)[1:20]) {
		t.Errorf("GET %s = %d %s; want the transfer instructions", location, code, body)
	}

	dir := filepath.Join(m.Config.DataDir, "mail")
	mails := func() []string {
		found, _ := filepath.Glob(filepath.Join(dir, "*-order-"+placed.Data.Number+".txt"))
		return found
	}
	deadline := time.Now().Add(15 * time.Second)
	for len(mails()) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond) // polling the relay's output, with a deadline
	}
	found := mails()
	if len(found) != 1 {
		t.Fatalf("order mails = %v; want one", found)
	}
	text, err := os.ReadFile(found[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"To: ana@example.cl", placed.Data.Number, "Total: $",
		"1 × ", "Transferencia bancaria", "Número de cuenta: "} {
		if !strings.Contains(string(text), part) {
			t.Errorf("order mail lacks %q:\n%s", part, text)
		}
	}
	// The relay delivers at least once: a repeat mails nothing more.
	again := commerce.Event{Name: order.EventCreated,
		Key: order.Key(commerce.OrderID(placed.Data.ID)), At: time.Now()}
	if err := m.events.Publish(context.Background(), again); err != nil {
		t.Fatal(err)
	}
	if n := len(mails()); n != 1 {
		t.Errorf("order mails after a repeated event = %d; want 1", n)
	}
}
