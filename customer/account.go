package customer

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Registration is what a shopper gives to open an account.
type Registration struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Name     string `json:"name"`
	Phone    string `json:"phone,omitempty"`
}

// Register opens a customer account, sends the mail that verifies its
// address, and starts a session. It returns KindInvalid with the fields at
// fault, and KindConflict when the e-mail is taken.
func (s *Service) Register(ctx context.Context, r Registration) (Session, error) {
	const op = "customer.register"
	email, ok := NormalizeEmail(r.Email)
	var bad commerce.Fields
	bad.Check(ok, "email", "no es un correo electrónico válido")
	name, phone := checkProfile(&bad, r.Name, r.Phone)
	bad = append(bad, CheckPassword("password", r.Password, email)...)
	if err := bad.Err(op); err != nil {
		return Session{}, err
	}

	u := User{Email: email, Name: name, Phone: phone, Role: commerce.RoleCustomer, Active: true}
	if err := s.create(ctx, op, &u, r.Password); err != nil {
		return Session{}, err
	}
	s.publish(ctx, auth.EventUserRegistered, auth.SecurityEvent{UserID: u.ID})
	s.sendVerification(ctx, u)
	return s.start(ctx, op, u)
}

// create hashes the password and stores u, opened again for the caller.
func (s *Service) create(ctx context.Context, op string, u *User, password string) error {
	hash, err := s.hasher.Hash(password)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	now := s.clock.Now()
	u.CreatedAt, u.UpdatedAt, u.PasswordChangedAt = now, now, now
	sealed, err := s.sealUser(*u)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := s.store.CreateUser(ctx, &sealed, hash); err != nil {
		if commerce.ErrorKind(err) == commerce.KindConflict {
			const taken = "ya existe una cuenta con este correo electrónico"
			return &commerce.Error{Kind: commerce.KindConflict, Op: op, Message: taken, Err: err,
				Fields: []commerce.FieldError{{Field: "email", Message: taken}}}
		}
		return fmt.Errorf("%s: %w", op, err)
	}
	u.ID = sealed.ID
	return nil
}

// checkProfile validates a name and a phone, returning them normalised.
func checkProfile(bad *commerce.Fields, name, phone string) (string, string) {
	name = strings.TrimSpace(name)
	bad.Check(name != "" && utf8.RuneCountInString(name) <= 255 && printable(name), "name",
		"es obligatorio, máximo 255 caracteres")
	phone, ok := NormalizePhone(phone)
	bad.Check(ok, "phone", "no es un teléfono válido; use el formato +56912345678")
	return name, phone
}

// printable reports whether s is valid UTF-8 without control characters.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// Bootstrap creates the first super admin with the e-mail and password,
// such as those of COMMERCE_ADMIN_EMAIL and COMMERCE_ADMIN_PASSWORD, when no
// account has that e-mail; an existing account is never changed. It
// reports whether it created one, and returns KindInvalid for a bad e-mail
// or a password that breaks the policy: there is no default password.
func (s *Service) Bootstrap(ctx context.Context, email, password string) (bool, error) {
	const op = "customer.bootstrap"
	norm, ok := NormalizeEmail(email)
	var bad commerce.Fields
	bad.Check(ok, "COMMERCE_ADMIN_EMAIL", "no es un correo electrónico válido")
	bad = append(bad, CheckPassword("COMMERCE_ADMIN_PASSWORD", password, norm)...)
	if err := bad.Err(op); err != nil {
		return false, err
	}
	if _, err := s.store.UserByEmail(ctx, norm); err == nil {
		return false, nil
	} else if commerce.ErrorKind(err) != commerce.KindNotFound {
		return false, fmt.Errorf("%s: %w", op, err)
	}

	u := User{Email: norm, Name: "Administrador", Role: commerce.RoleSuperAdmin,
		EmailVerified: true, Active: true}
	err := s.create(ctx, op, &u, password)
	if commerce.ErrorKind(err) == commerce.KindConflict {
		return false, nil // another instance created it meanwhile
	} else if err != nil {
		return false, err
	}
	s.publish(ctx, auth.EventUserRegistered, auth.SecurityEvent{UserID: u.ID,
		Reason: "bootstrap_super_admin"})
	return true, nil
}
