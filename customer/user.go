package customer

import (
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// User is an account, a shopper's or a staff member's. The service returns
// it with every field readable; a Store holds Phone sealed.
type User struct {
	ID                commerce.UserID `json:"id"`
	Email             string          `json:"email"` // normalised; unique
	Name              string          `json:"name"`
	Phone             string          `json:"phone,omitempty"` // E.164
	Role              commerce.Role   `json:"role"`
	EmailVerified     bool            `json:"email_verified"`
	Active            bool            `json:"active"`
	PasswordChangedAt time.Time       `json:"password_changed_at"`
	CreatedAt         time.Time       `json:"created_at"`
	UpdatedAt         time.Time       `json:"updated_at"`
	ErasedAt          time.Time       `json:"erased_at,omitzero"` // set when anonymised
}

// Principal returns the principal the user acts as.
func (u User) Principal() commerce.Principal { return commerce.User(u.ID, u.Role) }

// Erased reports whether the account was anonymised.
func (u User) Erased() bool { return !u.ErasedAt.IsZero() }

// AddressID identifies an address.
type AddressID int64

// Address is a delivery address of a user, in Chilean terms: a commune
// (comuna) within a region. The service returns it readable; a Store holds
// Recipient, Phone, Street, Details and PostalCode sealed, and Commune,
// City, Region and Country in the clear, as shipping rates need them.
type Address struct {
	ID         AddressID       `json:"id"`
	UserID     commerce.UserID `json:"user_id"`
	Label      string          `json:"label,omitempty"` // "Casa", "Oficina"
	Recipient  string          `json:"recipient"`
	Phone      string          `json:"phone,omitempty"`
	Street     string          `json:"street"`            // street and number
	Details    string          `json:"details,omitempty"` // flat, office, references
	Commune    string          `json:"commune"`
	City       string          `json:"city,omitempty"`
	Region     string          `json:"region"`
	PostalCode string          `json:"postal_code,omitempty"`
	Country    string          `json:"country"` // ISO 3166-1 alpha-2; "CL" when empty
	Default    bool            `json:"default"`
	CreatedAt  time.Time       `json:"created_at"`
	UpdatedAt  time.Time       `json:"updated_at"`
}

// AuditEntry records one administrative change to an account.
type AuditEntry struct {
	ID        int64           `json:"id"`
	At        time.Time       `json:"at"`
	ActorID   commerce.UserID `json:"actor_id,omitempty"` // zero: the system
	SubjectID commerce.UserID `json:"subject_id"`
	Action    string          `json:"action"` // such as AuditRoleChanged
	Detail    string          `json:"detail,omitempty"`
	IP        string          `json:"ip,omitempty"`
	RequestID string          `json:"request_id,omitempty"`
}

// The actions of the audit log.
const (
	AuditRoleChanged    = "user.role_changed"
	AuditActivated      = "user.activated"
	AuditDeactivated    = "user.deactivated"
	AuditErased         = "user.erased"
	AuditProfileUpdated = "user.profile_updated" // by staff, on someone else's account
)
