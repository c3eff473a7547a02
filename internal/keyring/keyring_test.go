package keyring_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/internal/keyring"
)

func TestParse(t *testing.T) {
	secret := bytes.Repeat([]byte{0xfb}, 32)
	std := keyring.Format("k1", secret)
	_, b64, _ := strings.Cut(std, ":")
	url := strings.NewReplacer("+", "-", "/", "_").Replace(strings.TrimRight(b64, "="))
	tests := []struct {
		name, spec string
		ids        []string
		wantErr    string
	}{
		{"one", std, []string{"k1"}, ""},
		{"ring, spaces", " " + std + " , k0:" + url, []string{"k1", "k0"}, ""},
		{"empty", "  ", nil, "no keys"},
		{"no colon", "k1", nil, "key 1: want the form"},
		{"bad id", "k 1:" + b64, nil, "key 1: key id"},
		{"long id", strings.Repeat("a", 33) + ":" + b64, nil, "key 1: key id"},
		{"bad base64", "k1:***", nil, "key 1 (\"k1\"): not valid base64"},
		{"twice", std + "," + std, nil, "given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := keyring.Parse(tt.spec)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Parse error = %v; want one containing %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), b64) {
					t.Fatalf("error %q shows the secret", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(items) != len(tt.ids) {
				t.Fatalf("got %d items; want %d", len(items), len(tt.ids))
			}
			for i, it := range items {
				if it.ID != tt.ids[i] || !bytes.Equal(it.Secret, secret) {
					t.Errorf("item %d = %q with another secret; want %q", i, it.ID, tt.ids[i])
				}
			}
		})
	}
}

func TestRandom(t *testing.T) {
	a, err := keyring.Random(32)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := keyring.Random(32)
	if len(a) != 32 || bytes.Equal(a, b) {
		t.Fatalf("Random(32) gave %d bytes, equal twice: %v", len(a), bytes.Equal(a, b))
	}
}
