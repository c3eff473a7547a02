package customer

import (
	"context"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// require returns p.Require's answer, announcing a refusal to a signed-in
// user as a security event.
func (s *Service) require(ctx context.Context, op string, p commerce.Principal,
	perm commerce.Permission) error {
	err := p.Require(op, perm)
	if commerce.ErrorKind(err) == commerce.KindForbidden {
		s.denied(ctx, p, 0, string(perm))
	}
	return err
}

// reach returns nil when p may act on the account id: its owner, staff who
// manage users, or the system. Anybody else learns only that there is no
// such account.
func (s *Service) reach(ctx context.Context, op string, p commerce.Principal,
	id commerce.UserID) error {
	switch {
	case !p.Authenticated():
		return commerce.Errorf(commerce.KindUnauthenticated, op, "debe iniciar sesión")
	case p.IsSystem() || (p.UserID == id && id != 0) || p.Can(commerce.PermUsersManage):
		return nil
	}
	s.denied(ctx, p, id, "not_owner")
	return commerce.NotFound(op, "usuario")
}

// overrule returns nil when p may change the account of target: the owner
// or the system always, other staff only when they outrank the target, so
// that an admin cannot lock out a super admin.
func (s *Service) overrule(ctx context.Context, op string, p commerce.Principal,
	target User) error {
	if p.IsSystem() || p.UserID == target.ID || rank(p.Role) > rank(target.Role) ||
		p.Role == commerce.RoleSuperAdmin {
		return nil
	}
	s.denied(ctx, p, target.ID, "outranked")
	return commerce.Errorf(commerce.KindForbidden, op, "no tiene permiso para esta acción")
}

func (s *Service) denied(ctx context.Context, p commerce.Principal, subject commerce.UserID,
	reason string) {
	s.publish(ctx, auth.EventPermissionDenied, auth.SecurityEvent{UserID: subject,
		ActorID: p.UserID, Reason: reason})
}

// rank orders the roles; an unknown role ranks below a customer.
func rank(r commerce.Role) int {
	switch r {
	case commerce.RoleCustomer:
		return 1
	case commerce.RoleManager:
		return 2
	case commerce.RoleAdmin:
		return 3
	case commerce.RoleSuperAdmin:
		return 4
	}
	return 0
}
