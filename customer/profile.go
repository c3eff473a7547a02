package customer

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Profile returns the account with the id, to its owner or to staff who
// manage users. It returns KindUnauthenticated for anonymous callers and
// KindNotFound for anybody else, as for a missing account.
func (s *Service) Profile(ctx context.Context, p commerce.Principal,
	id commerce.UserID) (User, error) {
	const op = "customer.profile"
	if err := s.reach(ctx, op, p, id); err != nil {
		return User{}, err
	}
	u, err := s.user(ctx, id)
	if err != nil {
		return User{}, fmt.Errorf("%s: %w", op, err)
	}
	return u, nil
}

// ProfileUpdate holds the fields of an account its owner may change.
type ProfileUpdate struct {
	Name  string `json:"name"`
	Phone string `json:"phone"` // empty removes it
}

// UpdateProfile changes the name and phone of the account with the id, for
// its owner or for staff who manage users and outrank it (audited). It
// returns the errors of Profile, KindForbidden for staff who do not
// outrank the owner, and KindInvalid.
func (s *Service) UpdateProfile(ctx context.Context, p commerce.Principal, id commerce.UserID,
	in ProfileUpdate) (User, error) {
	const op = "customer.update profile"
	u, err := s.Profile(ctx, p, id)
	if err != nil {
		return User{}, err
	}
	if err := s.overrule(ctx, op, p, u); err != nil {
		return User{}, err
	}
	var bad commerce.Fields
	u.Name, u.Phone = checkProfile(&bad, in.Name, in.Phone)
	if err := bad.Err(op); err != nil {
		return User{}, err
	}
	var entry *AuditEntry
	if p.UserID != id {
		e := s.audit(ctx, p, id, AuditProfileUpdated, "name, phone")
		entry = &e
	}
	if err := s.update(ctx, &u, entry); err != nil {
		return User{}, fmt.Errorf("%s: %w", op, err)
	}
	return u, nil
}

// Export is every personal datum the store keeps of one account, for its
// owner to take away (section 7.8). Orders live elsewhere; the HTTP layer
// adds them.
type Export struct {
	ExportedAt time.Time    `json:"exported_at"`
	User       User         `json:"user"`
	Addresses  []Address    `json:"addresses"`
	Audit      []AuditEntry `json:"audit"` // administrative changes to the account
}

// Export returns every personal datum of the account with the id. It
// returns the errors of Profile.
func (s *Service) Export(ctx context.Context, p commerce.Principal,
	id commerce.UserID) (Export, error) {
	const op = "customer.export"
	u, err := s.Profile(ctx, p, id)
	if err != nil {
		return Export{}, err
	}
	addrs, err := s.addresses(ctx, id)
	if err != nil {
		return Export{}, fmt.Errorf("%s: %w", op, err)
	}
	var entries []AuditEntry
	for offset := 0; ; offset += 500 {
		page, total, err := s.store.Audit(ctx, AuditQuery{SubjectID: id, Offset: offset,
			Limit: 500})
		if err != nil {
			return Export{}, fmt.Errorf("%s: %w", op, err)
		}
		entries = append(entries, page...)
		if len(page) == 0 || len(entries) >= total {
			break
		}
	}
	return Export{ExportedAt: s.clock.Now(), User: u, Addresses: addrs, Audit: entries}, nil
}

// Erase anonymises the account with the id (section 7.8, right to
// erasure): name, e-mail and phone are replaced, addresses, password and
// pending tokens deleted, the account deactivated and every session ended.
// Orders keep the account's id, for accounting. The owner must give the
// password; staff who manage users and outrank the owner need none. It
// returns the errors of Profile, KindInvalid for a wrong password,
// KindForbidden for staff who do not outrank the owner, and KindConflict
// for the last active super admin.
func (s *Service) Erase(ctx context.Context, p commerce.Principal, id commerce.UserID,
	password string) error {
	const op = "customer.erase"
	u, err := s.Profile(ctx, p, id)
	if err != nil {
		return err
	}
	if err := s.checkErase(ctx, op, p, u, password); err != nil {
		return err
	}
	gone := User{ID: u.ID, Email: "borrado-" + strconv.FormatInt(int64(u.ID), 10) +
		"@anonimo.invalid", Name: "Usuario eliminado", Role: commerce.RoleCustomer,
		CreatedAt: u.CreatedAt, UpdatedAt: s.clock.Now(), ErasedAt: s.clock.Now()}
	entry := s.audit(ctx, p, id, AuditErased, "")
	if err := s.store.EraseUser(ctx, gone, entry); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := s.tokens.RevokeUser(ctx, id); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, auth.EventUserErased, auth.SecurityEvent{UserID: id, ActorID: p.UserID})
	return nil
}

func (s *Service) checkErase(ctx context.Context, op string, p commerce.Principal, u User,
	password string) error {
	if p.UserID == u.ID {
		if _, err := s.authenticate(ctx, op, u.Email, password); err != nil {
			if commerce.ErrorKind(err) == commerce.KindUnauthenticated {
				return commerce.Invalid(op, commerce.FieldError{Field: "password",
					Message: "la contraseña no es correcta"})
			}
			return err
		}
	} else if err := s.overrule(ctx, op, p, u); err != nil {
		return err
	}
	return s.keepOneSuperAdmin(ctx, op, u)
}

// keepOneSuperAdmin refuses to take away the last active super admin.
func (s *Service) keepOneSuperAdmin(ctx context.Context, op string, u User) error {
	if u.Role != commerce.RoleSuperAdmin || !u.Active {
		return nil
	}
	active := true
	_, n, err := s.store.ListUsers(ctx, UserQuery{Role: commerce.RoleSuperAdmin,
		Active: &active, Limit: 1})
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if n <= 1 {
		return commerce.Errorf(commerce.KindConflict, op,
			"es el último superadministrador activo; nombre otro antes")
	}
	return nil
}
