package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// insertStaffAudit writes the pending staff audit entry, if any, in tx.
func (db *DB) insertStaffAudit(ctx context.Context, tx *sqlx.Tx,
	p *commerce.PendingAudit) error {
	e, ok := p.Entry(ctx)
	if !ok {
		return nil
	}
	if e.At.IsZero() {
		e.At = db.now()
	}
	summary := string(e.Summary)
	if summary == "" {
		summary = "{}"
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO staff_audit (at, actor_id, action,
		target_type, target_id, summary, request_id, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		utc(e.At), int64(e.ActorID), e.Action, e.TargetType, e.TargetID, summary,
		e.RequestID, e.IP)
	if err != nil {
		return fmt.Errorf("staff audit: %w", err)
	}
	return nil
}

type staffAuditRow struct {
	ID         int64     `db:"id"`
	At         time.Time `db:"at"`
	ActorID    int64     `db:"actor_id"`
	Action     string    `db:"action"`
	TargetType string    `db:"target_type"`
	TargetID   int64     `db:"target_id"`
	Summary    string    `db:"summary"`
	RequestID  string    `db:"request_id"`
	IP         string    `db:"ip"`
}

// StaffAudit returns one page of the staff audit trail matching q, newest
// first, and how many entries match in all.
func (db *DB) StaffAudit(ctx context.Context, q commerce.StaffAuditQuery) (
	[]commerce.StaffAudit, int, error) {
	const op = "staff audit"
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		conds, args = append(conds, cond), append(args, arg)
	}
	if q.ActorID != 0 {
		add("actor_id = ?", int64(q.ActorID))
	}
	if q.Action != "" {
		add("action = ?", q.Action)
	}
	if q.TargetType != "" {
		add("target_type = ?", q.TargetType)
	}
	if q.TargetID != 0 {
		add("target_id = ?", q.TargetID)
	}
	if !q.From.IsZero() {
		add("at >= ?", utc(q.From))
	}
	if !q.To.IsZero() {
		add("at < ?", utc(q.To))
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	var total int
	if err := db.read.GetContext(ctx, &total, "SELECT COUNT(*) FROM staff_audit"+where,
		args...); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	var rows []staffAuditRow
	err := db.read.SelectContext(ctx, &rows, `SELECT id, at, actor_id, action, target_type,
		target_id, summary, request_id, ip FROM staff_audit`+where+
		" ORDER BY id DESC LIMIT ? OFFSET ?", append(args, limitOf(q.Limit), max(q.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	es := make([]commerce.StaffAudit, len(rows))
	for i, r := range rows {
		es[i] = commerce.StaffAudit{ID: r.ID, At: r.At.UTC(), ActorID: commerce.UserID(r.ActorID),
			Action: r.Action, TargetType: r.TargetType, TargetID: r.TargetID,
			Summary: json.RawMessage(r.Summary), RequestID: r.RequestID, IP: r.IP}
	}
	return es, total, nil
}
