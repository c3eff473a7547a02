package elasticsearch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// bulkAnswer is the part of a bulk response the engine reads.
type bulkAnswer struct {
	Errors bool `json:"errors"`
	Items  []map[string]struct {
		ID     string          `json:"_id"`
		Status int             `json:"status"`
		Error  json.RawMessage `json:"error"`
	} `json:"items"`
}

// Index adds documents or replaces those with the same id, in one bulk
// request; while a rebuild runs they go to the new index too.
func (e *Engine) Index(ctx context.Context, docs ...search.Document) error {
	if len(docs) == 0 {
		return nil
	}
	var b []byte
	for _, d := range docs {
		b = appendLines(b, obj{"index": obj{"_id": strconv.FormatInt(int64(d.ID), 10)}},
			toSource(d))
	}
	return e.bulkAll(ctx, b)
}

// Delete removes documents; missing ids are ignored.
func (e *Engine) Delete(ctx context.Context, ids ...commerce.ProductID) error {
	if len(ids) == 0 {
		return nil
	}
	var b []byte
	for _, id := range ids {
		b = appendLines(b, obj{"delete": obj{"_id": strconv.FormatInt(int64(id), 10)}})
	}
	return e.bulkAll(ctx, b)
}

// appendLines appends values as lines of newline-delimited JSON.
func appendLines(b []byte, lines ...any) []byte {
	for _, l := range lines {
		data, err := json.Marshal(l)
		if err != nil {
			panic("elasticsearch: marshal bulk line: " + err.Error()) // our own types
		}
		b = append(append(b, data...), '\n')
	}
	return b
}

// bulkAll sends a bulk body to the alias and, during a rebuild, to the
// index being built, so that the swap loses no write.
func (e *Engine) bulkAll(ctx context.Context, payload []byte) error {
	e.mu.Lock()
	target := e.target
	e.mu.Unlock()
	if err := e.bulk(ctx, e.cfg.Alias, payload, e.cfg.Refresh); err != nil {
		return err
	}
	if target != "" {
		return e.bulk(ctx, target, payload, false)
	}
	return nil
}

// bulk sends one bulk request and fails when any item failed, except
// deletions of missing documents.
func (e *Engine) bulk(ctx context.Context, index string, payload []byte, refresh bool) error {
	req := esapi.BulkRequest{Index: index, Body: bytes.NewReader(payload),
		Timeout: 30 * time.Second}
	if refresh {
		req.Refresh = "wait_for"
	}
	var a bulkAnswer
	if err := e.call(ctx, "bulk", req, &a); err != nil {
		return err
	}
	if !a.Errors {
		return nil
	}
	for _, item := range a.Items {
		for action, r := range item {
			missing := action == "delete" && r.Status == http.StatusNotFound
			if r.Status >= 300 && !missing {
				return unavailable("bulk", fmt.Errorf("%s %s: status %d: %s", action, r.ID,
					r.Status, r.Error))
			}
		}
	}
	return nil
}
