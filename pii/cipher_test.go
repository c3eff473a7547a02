package pii_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/pii"
)

func mustKey(t *testing.T, id string) pii.Key {
	t.Helper()
	k, err := pii.GenerateKey(id)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func mustCipher(t *testing.T, keys ...pii.Key) *pii.Cipher {
	t.Helper()
	c, err := pii.New(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSealOpen(t *testing.T) {
	c := mustCipher(t, mustKey(t, "k1"))
	for _, plain := range []string{"+56912345678", "Av. Providencia 1234, depto 56", "ñandú 🇨🇱",
		strings.Repeat("x", 4000)} {
		sealed, err := c.Seal("customer.phone", plain)
		if err != nil {
			t.Fatalf("Seal(%q) = %v", plain, err)
		}
		if strings.Contains(sealed, plain) || !strings.HasPrefix(sealed, "v1.k1.") {
			t.Errorf("Seal(%q) = %q; want an opaque v1.k1. text", plain, sealed)
		}
		again, _ := c.Seal("customer.phone", plain)
		if again == sealed {
			t.Errorf("Seal(%q) twice gave the same text; want a fresh nonce", plain)
		}
		got, err := c.Open("customer.phone", sealed)
		if err != nil || got != plain {
			t.Errorf("Open(Seal(%q)) = %q, %v", plain, got, err)
		}
	}
	if s, err := c.Seal("x", ""); s != "" || err != nil {
		t.Errorf("Seal(\"\") = %q, %v; want empty", s, err)
	}
	if s, err := c.Open("x", ""); s != "" || err != nil {
		t.Errorf("Open(\"\") = %q, %v; want empty", s, err)
	}
}

func TestOpenRefuses(t *testing.T) {
	c := mustCipher(t, mustKey(t, "k1"))
	sealed, err := c.Seal("customer.phone", "+56912345678")
	if err != nil {
		t.Fatal(err)
	}
	flipped := []byte(sealed)
	flipped[len(flipped)-3] ^= 'A' ^ 'B'
	tests := map[string]struct{ context, text string }{
		"another context":  {"customer.street", sealed},
		"altered":          {"customer.phone", string(flipped)},
		"truncated":        {"customer.phone", sealed[:len(sealed)-4]},
		"unknown key":      {"customer.phone", strings.Replace(sealed, ".k1.", ".k9.", 1)},
		"another version":  {"customer.phone", "v2" + sealed[2:]},
		"plain text":       {"customer.phone", "+56912345678"},
		"short":            {"customer.phone", "v1.k1.AAAA"},
		"another key ring": {"customer.phone", sealedBy(t, mustKey(t, "k1"))},
	}
	for name, tt := range tests {
		if _, err := c.Open(tt.context, tt.text); !errors.Is(err, pii.ErrOpen) {
			t.Errorf("%s: Open = %v; want ErrOpen", name, err)
		}
	}
}

func sealedBy(t *testing.T, k pii.Key) string {
	t.Helper()
	s, err := mustCipher(t, k).Seal("customer.phone", "+56912345678")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestKeyRotation(t *testing.T) {
	oldKey, newKey := mustKey(t, "2025"), mustKey(t, "2026")
	before := mustCipher(t, oldKey)
	sealed, err := before.Seal("customer.phone", "+56912345678")
	if err != nil {
		t.Fatal(err)
	}

	after := mustCipher(t, newKey, oldKey)
	if got, err := after.Open("customer.phone", sealed); err != nil || got != "+56912345678" {
		t.Errorf("Open(old text) after rotation = %q, %v", got, err)
	}
	if !after.Stale(sealed) {
		t.Error("Stale(old text) = false; want true")
	}
	resealed, err := after.Seal("customer.phone", "+56912345678")
	if err != nil || after.Stale(resealed) || !strings.HasPrefix(resealed, "v1.2026.") {
		t.Errorf("Seal after rotation = %q, %v; want under 2026", resealed, err)
	}

	retired := mustCipher(t, newKey)
	if _, err := retired.Open("customer.phone", sealed); !errors.Is(err, pii.ErrOpen) {
		t.Errorf("Open(text of a retired key) = %v; want ErrOpen", err)
	}
}

func TestParseKeys(t *testing.T) {
	k1, k2 := mustKey(t, "k1"), mustKey(t, "k2")
	keys, err := pii.ParseKeys(k2.String() + " , " + k1.String())
	if err != nil || len(keys) != 2 || keys[0].ID != "k2" || keys[1].ID != "k1" {
		t.Fatalf("ParseKeys = %v, %v; want k2 then k1", keys, err)
	}
	c := mustCipher(t, keys...)
	if c.KeyID() != "k2" {
		t.Errorf("KeyID = %q; want the first, k2", c.KeyID())
	}
	_, secret, _ := strings.Cut(k1.String(), ":")
	bad := map[string]string{
		"":                              "no keys",
		"k1":                            "id:base64",
		"k1:%%%":                        "base64",
		"k1:" + secret[:20]:             "exactly 32",
		"bad id:" + secret:              "key id",
		k1.String() + "," + k1.String(): "twice",
	}
	for spec, mention := range bad {
		_, err := pii.ParseKeys(spec)
		if err == nil {
			_, err = pii.New(mustParse(t, spec)...)
		}
		if err == nil || !strings.Contains(err.Error(), mention) {
			t.Errorf("ParseKeys(%q) = %v; want an error mentioning %q", spec, err, mention)
		}
		if err != nil && len(secret) > 8 && strings.Contains(err.Error(), secret[:8]) {
			t.Errorf("error %q shows the secret", err)
		}
	}
}

func mustParse(t *testing.T, spec string) []pii.Key {
	t.Helper()
	keys, err := pii.ParseKeys(spec)
	if err != nil {
		t.Fatal(err)
	}
	return keys
}
