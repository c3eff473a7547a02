package customer

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// StaffAuditStore is what a Store also implements when it keeps the staff
// audit trail (the catalog and stock changes staff made). A store without
// it has an empty trail.
type StaffAuditStore interface {
	// StaffAudit returns one page of the entries matching q, newest
	// first, and how many match in all.
	StaffAudit(ctx context.Context, q commerce.StaffAuditQuery) ([]commerce.StaffAudit, int,
		error)
}

// StaffAuditLog returns one page of the staff audit trail, newest first,
// for staff who manage users. It returns KindUnauthenticated,
// KindForbidden and KindInvalid.
func (s *Service) StaffAuditLog(ctx context.Context, p commerce.Principal,
	q commerce.StaffAuditQuery) (Page[commerce.StaffAudit], error) {
	const op = "customer.staff audit log"
	if err := s.require(ctx, op, p, commerce.PermUsersManage); err != nil {
		return Page[commerce.StaffAudit]{}, err
	}
	var bad commerce.Fields
	bad.Check(q.Offset >= 0, "offset", "no puede ser negativo")
	bad.Check(q.Limit >= 0 && q.Limit <= MaxPageSize, "limit", "entre 1 y 100")
	bad.Check(q.From.IsZero() || q.To.IsZero() || q.From.Before(q.To), "from",
		"debe ser anterior a to")
	if err := bad.Err(op); err != nil {
		return Page[commerce.StaffAudit]{}, err
	}
	q.Limit = or(q.Limit, DefaultPageSize)
	page := Page[commerce.StaffAudit]{Offset: q.Offset, Limit: q.Limit}
	st, ok := s.store.(StaffAuditStore)
	if !ok {
		return page, nil
	}
	es, total, err := st.StaffAudit(ctx, q)
	if err != nil {
		return Page[commerce.StaffAudit]{}, fmt.Errorf("%s: %w", op, err)
	}
	page.Items, page.Total = es, total
	return page, nil
}
