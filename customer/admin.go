package customer

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Page is one page of a listing and how many items match in all.
type Page[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

// The bounds of a page.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// ListUsers returns one page of the accounts matching q, for staff who
// manage users. It returns KindUnauthenticated, KindForbidden, and
// KindInvalid for a bad query.
func (s *Service) ListUsers(ctx context.Context, p commerce.Principal,
	q UserQuery) (Page[User], error) {
	const op = "customer.list users"
	if err := s.require(ctx, op, p, commerce.PermUsersManage); err != nil {
		return Page[User]{}, err
	}
	if err := checkUserQuery(op, &q); err != nil {
		return Page[User]{}, err
	}
	us, total, err := s.store.ListUsers(ctx, q)
	if err != nil {
		return Page[User]{}, fmt.Errorf("%s: %w", op, err)
	}
	for i := range us {
		if us[i], err = s.openUser(us[i]); err != nil {
			return Page[User]{}, fmt.Errorf("%s: %w", op, err)
		}
	}
	return Page[User]{Items: us, Total: total, Offset: q.Offset, Limit: q.Limit}, nil
}

func checkUserQuery(op string, q *UserQuery) error {
	var bad commerce.Fields
	q.Search = strings.ToLower(strings.TrimSpace(q.Search))
	bad.Check(utf8.RuneCountInString(q.Search) <= 100 && printable(q.Search), "search",
		"máximo 100 caracteres")
	bad.Check(q.Role == "" || q.Role.Valid(), "role", "rol desconocido")
	bad.Check(q.Offset >= 0, "offset", "no puede ser negativo")
	bad.Check(q.Limit >= 0 && q.Limit <= MaxPageSize, "limit", "entre 1 y 100")
	if q.Limit == 0 {
		q.Limit = DefaultPageSize
	}
	return bad.Err(op)
}

// SetRole gives the account with the id a new role, for holders of
// commerce.PermRolesManage, with an audit entry. The account's sessions end,
// so that no token carries the old role. Nobody changes their own role, and
// the last active super admin keeps theirs. It returns KindUnauthenticated,
// KindForbidden, KindInvalid for an unknown role, KindNotFound, and
// KindConflict.
func (s *Service) SetRole(ctx context.Context, p commerce.Principal, id commerce.UserID,
	role commerce.Role) (User, error) {
	const op = "customer.set role"
	if err := s.require(ctx, op, p, commerce.PermRolesManage); err != nil {
		return User{}, err
	}
	if !role.Valid() {
		return User{}, commerce.Invalid(op, commerce.FieldError{Field: "role",
			Message: "rol desconocido"})
	}
	u, err := s.managed(ctx, op, p, id)
	if err != nil || u.Role == role {
		return u, err
	}
	if err := s.keepOneSuperAdmin(ctx, op, u); err != nil {
		return User{}, err
	}
	detail := string(u.Role) + " -> " + string(role)
	u.Role = role // promoted to staff with an old password, they must change it to sign in
	return u, s.change(ctx, op, p, &u, AuditRoleChanged, detail, auth.EventRoleChanged)
}

// SetActive activates or deactivates the account with the id, for staff
// who manage users and outrank it, with an audit entry. Deactivation ends
// every session of the account. It returns KindUnauthenticated,
// KindForbidden, KindNotFound, and KindConflict for one's own account or
// the last active super admin.
func (s *Service) SetActive(ctx context.Context, p commerce.Principal, id commerce.UserID,
	active bool) (User, error) {
	const op = "customer.set active"
	if err := s.require(ctx, op, p, commerce.PermUsersManage); err != nil {
		return User{}, err
	}
	u, err := s.managed(ctx, op, p, id)
	if err != nil || u.Active == active {
		return u, err
	}
	if u.Erased() {
		return User{}, commerce.Errorf(commerce.KindConflict, op, "la cuenta fue eliminada")
	}
	if !active {
		if err := s.keepOneSuperAdmin(ctx, op, u); err != nil {
			return User{}, err
		}
	}
	u.Active = active
	action, event := AuditActivated, auth.EventUserActivated
	if !active {
		action, event = AuditDeactivated, auth.EventUserDeactivated
	}
	return u, s.change(ctx, op, p, &u, action, "", event)
}

// managed returns the account id that p manages: not p's own, and one p
// outranks.
func (s *Service) managed(ctx context.Context, op string, p commerce.Principal,
	id commerce.UserID) (User, error) {
	if p.UserID == id {
		return User{}, commerce.Errorf(commerce.KindConflict, op,
			"no puede cambiar su propia cuenta de esta forma")
	}
	u, err := s.user(ctx, id)
	if err != nil {
		return User{}, fmt.Errorf("%s: %w", op, err)
	}
	if err := s.overrule(ctx, op, p, u); err != nil {
		return User{}, err
	}
	return u, nil
}

// change writes an administrative change with its audit entry, ends the
// account's sessions and announces it.
func (s *Service) change(ctx context.Context, op string, p commerce.Principal, u *User,
	action, detail, event string) error {
	entry := s.audit(ctx, p, u.ID, action, detail)
	if err := s.update(ctx, u, &entry); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := s.tokens.RevokeUser(ctx, u.ID); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, event, auth.SecurityEvent{UserID: u.ID, ActorID: p.UserID, Reason: detail})
	return nil
}

// AuditLog returns one page of the audit log, about one account or all
// when subject is zero, newest first, for staff who manage users. It
// returns KindUnauthenticated, KindForbidden and KindInvalid.
func (s *Service) AuditLog(ctx context.Context, p commerce.Principal,
	q AuditQuery) (Page[AuditEntry], error) {
	const op = "customer.audit log"
	if err := s.require(ctx, op, p, commerce.PermUsersManage); err != nil {
		return Page[AuditEntry]{}, err
	}
	var bad commerce.Fields
	bad.Check(q.Offset >= 0, "offset", "no puede ser negativo")
	bad.Check(q.Limit >= 0 && q.Limit <= MaxPageSize, "limit", "entre 1 y 100")
	if err := bad.Err(op); err != nil {
		return Page[AuditEntry]{}, err
	}
	q.Limit = or(q.Limit, DefaultPageSize)
	es, total, err := s.store.Audit(ctx, q)
	if err != nil {
		return Page[AuditEntry]{}, fmt.Errorf("%s: %w", op, err)
	}
	return Page[AuditEntry]{Items: es, Total: total, Offset: q.Offset, Limit: q.Limit}, nil
}
