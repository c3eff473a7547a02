package rest

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"time"
)

// checkTimeout bounds each health check, so that a hung dependency makes
// the check fail instead of the probe time out.
const checkTimeout = 3 * time.Second

type healthJSON struct {
	Status string            `json:"status"`
	Checks map[string]string `json:"checks"`
}

// health serves GET /health: 200 when every check passes, 503 naming the
// failing ones otherwise. Check errors are logged, not shown.
func (h *Handler) health(w http.ResponseWriter, r *http.Request) {
	body := healthJSON{Status: "ok", Checks: map[string]string{}}
	code := http.StatusOK
	names := make([]string, 0, len(h.checks))
	for name := range h.checks {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ctx, cancel := context.WithTimeout(r.Context(), checkTimeout)
		err := h.checks[name](ctx)
		cancel()
		body.Checks[name] = "ok"
		if err != nil {
			body.Checks[name], body.Status, code = "failing", "failing", http.StatusServiceUnavailable
			h.logInternal(r.Context(), fmt.Errorf("health check %s: %w", name, err))
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, code, body)
}
