// Package archtest checks the module's layering rules: which of our packages
// may import which.
package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/ecommerce-moderno/moderno"

// domain packages hold business rules and must never depend on technology.
var domain = map[string]bool{
	"commerce": true, "catalog": true, "inventory": true, "pricing": true, "cart": true,
	"customer": true, "order": true, "checkout": true, "payment": true, "search": true,
	"promotion": true, "review": true,
}

type pkg struct {
	ImportPath string
	Imports    []string
}

// rule returns why importing to from from breaks the layering, or "".
func rule(from, to string) string {
	adapter := strings.HasPrefix(to, "storage/") || strings.HasPrefix(to, "search/elasticsearch")
	edge := to == "rest" || strings.HasPrefix(to, "rest/") || strings.HasPrefix(to, "plugins/") ||
		strings.HasPrefix(to, "examples/")
	fromAdapter := strings.HasPrefix(from, "storage/") || strings.HasPrefix(from, "search/")
	switch {
	case from == "commerce":
		return "commerce imports nothing of ours"
	case domain[from] && (adapter || edge):
		return "a domain package imports an adapter or an edge"
	case fromAdapter && !domain[from] && (strings.HasPrefix(to, "rest") ||
		strings.HasPrefix(to, "examples/")):
		return "an adapter imports an edge"
	case strings.HasPrefix(from, "plugins/") && !strings.HasPrefix(to, "plugins/") &&
		to != "payment" && to != "commerce":
		return "a plugin imports beyond the SDK and the payment vocabulary"
	case strings.HasPrefix(to, "examples/") && !strings.HasPrefix(from, "examples/"):
		return "only examples import examples"
	}
	return ""
}

func TestLayering(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	n := 0
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decode go list: %v", err)
		}
		n++
		from := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			to := strings.TrimPrefix(imp, module+"/")
			if why := rule(from, to); why != "" {
				t.Errorf("%s imports %s: %s", from, to, why)
			}
		}
	}
	if n < 3 {
		t.Fatalf("go list found %d packages; want the whole module", n)
	}
}

func TestRule(t *testing.T) {
	tests := []struct {
		from, to string
		broken   bool
	}{
		{"catalog", "commerce", false},
		{"catalog", "storage/sqlite", true},
		{"commerce", "catalog", true},
		{"checkout", "rest", true},
		{"storage/sqlite", "catalog", false},
		{"storage/sqlite", "rest", true},
		{"search/elasticsearch", "search", false},
		{"plugins/stripe", "plugins/sdk", false},
		{"plugins/stripe", "catalog", true},
		{"rest", "examples/server", true},
		{"examples/server", "examples/server/demo", false},
	}
	for _, tt := range tests {
		if got := rule(tt.from, tt.to) != ""; got != tt.broken {
			t.Errorf("rule(%q, %q) broken = %v; want %v", tt.from, tt.to, got, tt.broken)
		}
	}
}
