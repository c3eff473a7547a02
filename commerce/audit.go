package commerce

import (
	"context"
	"encoding/json"
	"sync/atomic"
	"time"
)

// StaffAudit is one entry of the staff audit trail: a change staff made
// to the catalog or the stock, kept with who made it and from where.
type StaffAudit struct {
	ID         int64           `json:"id"`
	At         time.Time       `json:"at"`
	ActorID    UserID          `json:"actor_id"`
	Action     string          `json:"action"`      // such as product.update or stock.adjust
	TargetType string          `json:"target_type"` // product, category, brand, warehouse
	TargetID   int64           `json:"target_id"`
	Summary    json.RawMessage `json:"summary,omitempty"` // what changed, without secrets
	RequestID  string          `json:"request_id,omitempty"`
	IP         string          `json:"ip,omitempty"`
}

// StaffAuditQuery is a page of the staff audit trail; zero fields match
// everything.
type StaffAuditQuery struct {
	ActorID    UserID
	Action     string
	TargetType string
	TargetID   int64
	From, To   time.Time // At >= From and At < To
	Offset     int
	Limit      int
}

type auditOriginKey struct{}

type auditOrigin struct{ requestID, ip string }

// WithAuditOrigin returns a context that stamps the staff audit entries of
// the changes made with it with the request's id and the client's address.
func WithAuditOrigin(ctx context.Context, requestID, ip string) context.Context {
	return context.WithValue(ctx, auditOriginKey{}, auditOrigin{requestID, ip})
}

type pendingAuditKey struct{}

// PendingAudit is a staff audit entry waiting for the write it describes.
// A store writes it in the same transaction as the change, once: Build is
// called after the change succeeded, so it sees ids the store assigned.
type PendingAudit struct {
	build func() StaffAudit
	done  atomic.Bool
}

// Entry builds the entry, stamped with the context's origin, and reports
// whether it is still to be written.
func (p *PendingAudit) Entry(ctx context.Context) (StaffAudit, bool) {
	if p == nil || p.done.Load() {
		return StaffAudit{}, false
	}
	e := p.build()
	if o, ok := ctx.Value(auditOriginKey{}).(auditOrigin); ok {
		e.RequestID, e.IP = o.requestID, o.ip
	}
	return e, true
}

// Written marks the entry as stored, so later writes with the same
// context do not store it again.
func (p *PendingAudit) Written() {
	if p != nil {
		p.done.Store(true)
	}
}

// WithStaffAudit returns a context whose next store write records the
// entry build returns, in the same transaction. An entry already pending
// in ctx wins, so an operation made of another (a variant change stored as
// a product update) is recorded as the outer one.
func WithStaffAudit(ctx context.Context, build func() StaffAudit) context.Context {
	if p, ok := ctx.Value(pendingAuditKey{}).(*PendingAudit); ok && !p.done.Load() {
		return ctx
	}
	return context.WithValue(ctx, pendingAuditKey{}, &PendingAudit{build: build})
}

// PendingAuditFrom returns the entry waiting in ctx, or nil.
func PendingAuditFrom(ctx context.Context) *PendingAudit {
	p, _ := ctx.Value(pendingAuditKey{}).(*PendingAudit)
	return p
}

// AuditSummary encodes v for StaffAudit.Summary; values that do not
// encode give no summary.
func AuditSummary(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return b
}
