package payment

import (
	"sort"
	"sync"
)

// Registry holds the payment methods a store offers, by name. Its zero
// value is empty and ready to use; it is safe for concurrent use.
type Registry struct {
	mu       sync.RWMutex
	gateways map[string]Gateway
}

// NewRegistry returns a registry holding the gateways.
func NewRegistry(gateways ...Gateway) *Registry {
	r := &Registry{}
	for _, g := range gateways {
		r.Register(g)
	}
	return r
}

// Register adds a gateway under its described name. It panics when g is nil,
// its name is empty, or the name is taken: wiring mistakes, found at start.
func (r *Registry) Register(g Gateway) {
	if g == nil {
		panic("payment: Register of a nil gateway")
	}
	name := g.Describe().Name
	if name == "" {
		panic("payment: Register of a gateway without a name")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.gateways[name]; dup {
		panic("payment: Register called twice for " + name)
	}
	if r.gateways == nil {
		r.gateways = map[string]Gateway{}
	}
	r.gateways[name] = g
}

// Gateway returns the gateway registered under name.
func (r *Registry) Gateway(name string) (Gateway, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	g, ok := r.gateways[name]
	return g, ok
}

// Methods describes every registered gateway, by name.
func (r *Registry) Methods() []Description {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]Description, 0, len(r.gateways))
	for _, g := range r.gateways {
		out = append(out, g.Describe())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
