package customer

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// MaxAddresses is how many addresses one account may keep.
const MaxAddresses = 20

// Addresses returns the addresses of the account with the id. It returns
// the errors of Profile.
func (s *Service) Addresses(ctx context.Context, p commerce.Principal,
	user commerce.UserID) ([]Address, error) {
	const op = "customer.addresses"
	if err := s.reach(ctx, op, p, user); err != nil {
		return nil, err
	}
	as, err := s.addresses(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return as, nil
}

func (s *Service) addresses(ctx context.Context, user commerce.UserID) ([]Address, error) {
	sealed, err := s.store.Addresses(ctx, user)
	if err != nil {
		return nil, err
	}
	out := make([]Address, 0, len(sealed))
	for _, a := range sealed {
		opened, err := s.openAddress(a)
		if err != nil {
			return nil, err
		}
		out = append(out, opened)
	}
	return out, nil
}

// Address returns one address of the account with the id. It returns the
// errors of Profile, and KindNotFound for an address of someone else.
func (s *Service) Address(ctx context.Context, p commerce.Principal, user commerce.UserID,
	id AddressID) (Address, error) {
	const op = "customer.address"
	if err := s.reach(ctx, op, p, user); err != nil {
		return Address{}, err
	}
	a, err := s.store.Address(ctx, user, id)
	if err != nil {
		return Address{}, fmt.Errorf("%s: %w", op, err)
	}
	if a, err = s.openAddress(a); err != nil {
		return Address{}, fmt.Errorf("%s: %w", op, err)
	}
	return a, nil
}

// CreateAddress adds an address to the account a.UserID and sets a.ID. The
// first address is the default. It returns the errors of Profile,
// KindInvalid, and KindConflict past MaxAddresses.
func (s *Service) CreateAddress(ctx context.Context, p commerce.Principal, a *Address) error {
	const op = "customer.create address"
	if err := s.reach(ctx, op, p, a.UserID); err != nil {
		return err
	}
	if err := checkAddress(op, a); err != nil {
		return err
	}
	existing, err := s.store.Addresses(ctx, a.UserID)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if len(existing) >= MaxAddresses {
		return commerce.Errorf(commerce.KindConflict, op, "máximo %d direcciones", MaxAddresses)
	}
	a.Default = a.Default || len(existing) == 0
	a.CreatedAt, a.UpdatedAt = s.clock.Now(), s.clock.Now()
	return s.writeAddress(ctx, op, a, s.store.CreateAddress)
}

// UpdateAddress writes every field of the address a.ID of the account
// a.UserID. It returns the errors of Address and KindInvalid.
func (s *Service) UpdateAddress(ctx context.Context, p commerce.Principal, a *Address) error {
	const op = "customer.update address"
	old, err := s.Address(ctx, p, a.UserID, a.ID)
	if err != nil {
		return err
	}
	if err := checkAddress(op, a); err != nil {
		return err
	}
	a.CreatedAt, a.UpdatedAt = old.CreatedAt, s.clock.Now()
	return s.writeAddress(ctx, op, a, s.store.UpdateAddress)
}

// writeAddress seals a, under the newest key, and hands it to write.
func (s *Service) writeAddress(ctx context.Context, op string, a *Address,
	write func(context.Context, *Address) error) error {
	sealed, err := s.sealAddress(*a)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := write(ctx, &sealed); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	a.ID = sealed.ID
	return nil
}

// DeleteAddress removes an address of the account. It returns the errors
// of Address.
func (s *Service) DeleteAddress(ctx context.Context, p commerce.Principal, user commerce.UserID,
	id AddressID) error {
	const op = "customer.delete address"
	if err := s.reach(ctx, op, p, user); err != nil {
		return err
	}
	if err := s.store.DeleteAddress(ctx, user, id); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// checkAddress validates an address and normalises it in place.
func checkAddress(op string, a *Address) error {
	var bad commerce.Fields
	text := func(field string, v *string, required bool, limit int) {
		*v = strings.TrimSpace(*v)
		ok := (!required || *v != "") && utf8.RuneCountInString(*v) <= limit && printable(*v)
		msg := fmt.Sprintf("máximo %d caracteres", limit)
		if required {
			msg = "es obligatorio, " + msg
		}
		bad.Check(ok, field, msg)
	}
	text("label", &a.Label, false, 50)
	text("recipient", &a.Recipient, true, 255)
	text("street", &a.Street, true, 255)
	text("details", &a.Details, false, 255)
	text("commune", &a.Commune, true, 100)
	text("city", &a.City, false, 100)
	text("region", &a.Region, true, 100)
	text("postal_code", &a.PostalCode, false, 20)
	phone, ok := NormalizePhone(a.Phone)
	bad.Check(ok, "phone", "no es un teléfono válido; use el formato +56912345678")
	a.Phone = phone
	a.Country = strings.ToUpper(strings.TrimSpace(a.Country))
	if a.Country == "" {
		a.Country = "CL"
	}
	bad.Check(len(a.Country) == 2 && strings.Trim(a.Country, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "",
		"country", "use el código de dos letras del país, como CL")
	return bad.Err(op)
}
