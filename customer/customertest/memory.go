// Package customertest holds the contract suite every customer.Store runs,
// and an in-memory Store for tests.
package customertest

import (
	"context"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

// MemoryStore is a customer.Store in maps, for tests. Use NewMemoryStore.
type MemoryStore struct {
	mu        sync.Mutex
	users     map[commerce.UserID]customer.User
	creds     map[commerce.UserID]customer.Credentials
	failures  map[string]customer.Failures
	tokens    map[string]customer.Token
	addresses map[customer.AddressID]customer.Address
	audit     []customer.AuditEntry
	nextUser  commerce.UserID
	nextAddr  customer.AddressID
}

var _ customer.Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{users: map[commerce.UserID]customer.User{},
		creds:     map[commerce.UserID]customer.Credentials{},
		failures:  map[string]customer.Failures{},
		tokens:    map[string]customer.Token{},
		addresses: map[customer.AddressID]customer.Address{}}
}

func notFound(what string) error { return commerce.NotFound("customertest", what) }

// CreateUser stores a new user.
func (m *MemoryStore) CreateUser(_ context.Context, u *customer.User, hash string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, o := range m.users {
		if strings.EqualFold(o.Email, u.Email) {
			return commerce.Errorf(commerce.KindConflict, "customertest", "correo en uso")
		}
	}
	m.nextUser++
	u.ID = m.nextUser
	m.users[u.ID] = *u
	m.creds[u.ID] = customer.Credentials{Hash: hash, History: []string{hash}}
	return nil
}

// User returns a user.
func (m *MemoryStore) User(_ context.Context, id commerce.UserID) (customer.User, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, ok := m.users[id]
	if !ok {
		return u, notFound("usuario")
	}
	return u, nil
}

// UserByEmail finds a user by e-mail.
func (m *MemoryStore) UserByEmail(_ context.Context, email string) (customer.User, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, u := range m.users {
		if strings.EqualFold(u.Email, email) {
			return u, nil
		}
	}
	return customer.User{}, notFound("usuario")
}

// UpdateUser writes a user and an audit entry.
func (m *MemoryStore) UpdateUser(_ context.Context, u *customer.User,
	audit *customer.AuditEntry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	old, ok := m.users[u.ID]
	if !ok {
		return notFound("usuario")
	}
	next := *u
	next.Email, next.CreatedAt, next.PasswordChangedAt = old.Email, old.CreatedAt,
		old.PasswordChangedAt
	m.users[u.ID] = next
	if audit != nil {
		m.appendAudit(*audit)
	}
	return nil
}

func (m *MemoryStore) appendAudit(e customer.AuditEntry) {
	e.ID = int64(len(m.audit) + 1)
	m.audit = append(m.audit, e)
}

// EraseUser anonymises a user.
func (m *MemoryStore) EraseUser(_ context.Context, u customer.User,
	audit customer.AuditEntry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	old, ok := m.users[u.ID]
	if !ok {
		return notFound("usuario")
	}
	u.CreatedAt = old.CreatedAt
	m.users[u.ID] = u
	m.creds[u.ID] = customer.Credentials{}
	for id, a := range m.addresses {
		if a.UserID == u.ID {
			delete(m.addresses, id)
		}
	}
	for h, t := range m.tokens {
		if t.UserID == u.ID {
			delete(m.tokens, h)
		}
	}
	m.appendAudit(audit)
	return nil
}

// ListUsers returns a page of users.
func (m *MemoryStore) ListUsers(_ context.Context, q customer.UserQuery) ([]customer.User, int,
	error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var all []customer.User
	search := strings.ToLower(q.Search)
	for _, u := range m.users {
		if q.Role != "" && u.Role != q.Role || q.Active != nil && u.Active != *q.Active ||
			!strings.Contains(strings.ToLower(u.Email+"\x00"+u.Name), search) {
			continue
		}
		all = append(all, u)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return page(all, q.Offset, q.Limit), len(all), nil
}

func page[T any](all []T, offset, limit int) []T {
	if offset >= len(all) {
		return nil
	}
	end := len(all)
	if limit > 0 && offset+limit < end {
		end = offset + limit
	}
	return append([]T(nil), all[offset:end]...)
}

// Audit returns a page of the audit log, newest first.
func (m *MemoryStore) Audit(_ context.Context, q customer.AuditQuery) ([]customer.AuditEntry,
	int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var all []customer.AuditEntry
	for i := len(m.audit) - 1; i >= 0; i-- {
		if q.SubjectID == 0 || m.audit[i].SubjectID == q.SubjectID {
			all = append(all, m.audit[i])
		}
	}
	return page(all, q.Offset, q.Limit), len(all), nil
}

// Credentials returns the password hashes of a user.
func (m *MemoryStore) Credentials(_ context.Context, id commerce.UserID) (customer.Credentials,
	error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.creds[id]
	if !ok {
		return c, notFound("usuario")
	}
	c.History = append([]string(nil), c.History...)
	return c, nil
}

// SetPassword replaces a password hash and pushes it onto the history.
func (m *MemoryStore) SetPassword(_ context.Context, id commerce.UserID, hash string,
	at time.Time, keep int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, ok := m.users[id]
	if !ok {
		return notFound("usuario")
	}
	u.PasswordChangedAt = at
	m.users[id] = u
	c := m.creds[id]
	c.Hash = hash
	c.History = append([]string{hash}, c.History...)
	if len(c.History) > keep {
		c.History = c.History[:keep]
	}
	m.creds[id] = c
	return nil
}

// LoginFailures returns the failures under key.
func (m *MemoryStore) LoginFailures(_ context.Context, key string) (customer.Failures, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.failures[key], nil
}

// RecordLoginFailure counts one failure under key.
func (m *MemoryStore) RecordLoginFailure(_ context.Context, key string,
	at, since time.Time) (customer.Failures, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.failures[key]
	if f.Last.Before(since) {
		f = customer.Failures{}
	}
	f.Count++
	f.Last = at
	m.failures[key] = f
	return f, nil
}

// ClearLoginFailures forgets the failures under key.
func (m *MemoryStore) ClearLoginFailures(_ context.Context, key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.failures, key)
	return nil
}

// SaveToken stores a single-use token.
func (m *MemoryStore) SaveToken(_ context.Context, t customer.Token) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.tokens[t.Hash]; ok {
		return commerce.Errorf(commerce.KindConflict, "customertest", "token repetido")
	}
	m.tokens[t.Hash] = t
	return nil
}

// FindToken returns a live token.
func (m *MemoryStore) FindToken(_ context.Context, hash string, purpose customer.Purpose,
	at time.Time) (customer.Token, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.live(hash, purpose, at)
}

func (m *MemoryStore) live(hash string, purpose customer.Purpose,
	at time.Time) (customer.Token, error) {
	t, ok := m.tokens[hash]
	if !ok || t.Purpose != purpose || !t.UsedAt.IsZero() || !at.Before(t.ExpiresAt) {
		return customer.Token{}, notFound("token")
	}
	return t, nil
}

// UseToken spends a live token.
func (m *MemoryStore) UseToken(_ context.Context, hash string, purpose customer.Purpose,
	at time.Time) (customer.Token, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, err := m.live(hash, purpose, at)
	if err != nil {
		return t, err
	}
	t.UsedAt = at
	m.tokens[hash] = t
	return t, nil
}

// DeleteTokens deletes a user's tokens for a purpose.
func (m *MemoryStore) DeleteTokens(_ context.Context, user commerce.UserID,
	purpose customer.Purpose) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for h, t := range m.tokens {
		if t.UserID == user && t.Purpose == purpose {
			delete(m.tokens, h)
		}
	}
	return nil
}

// CreateAddress stores a new address.
func (m *MemoryStore) CreateAddress(_ context.Context, a *customer.Address) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.users[a.UserID]; !ok {
		return commerce.Errorf(commerce.KindInvalid, "customertest", "usuario desconocido")
	}
	m.nextAddr++
	a.ID = m.nextAddr
	m.putAddress(*a)
	return nil
}

func (m *MemoryStore) putAddress(a customer.Address) {
	if a.Default {
		for id, o := range m.addresses {
			if o.UserID == a.UserID && o.ID != a.ID {
				o.Default = false
				m.addresses[id] = o
			}
		}
	}
	m.addresses[a.ID] = a
}

// UpdateAddress writes an address of its owner.
func (m *MemoryStore) UpdateAddress(_ context.Context, a *customer.Address) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	old, ok := m.addresses[a.ID]
	if !ok || old.UserID != a.UserID {
		return notFound("dirección")
	}
	a.CreatedAt = old.CreatedAt
	m.putAddress(*a)
	return nil
}

// DeleteAddress removes an address of its owner.
func (m *MemoryStore) DeleteAddress(_ context.Context, user commerce.UserID,
	id customer.AddressID) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.addresses[id]; !ok || a.UserID != user {
		return notFound("dirección")
	}
	delete(m.addresses, id)
	return nil
}

// Address returns an address of its owner.
func (m *MemoryStore) Address(_ context.Context, user commerce.UserID,
	id customer.AddressID) (customer.Address, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.addresses[id]
	if !ok || a.UserID != user {
		return customer.Address{}, notFound("dirección")
	}
	return a, nil
}

// Addresses returns a user's addresses by id.
func (m *MemoryStore) Addresses(_ context.Context, user commerce.UserID) ([]customer.Address,
	error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []customer.Address
	for _, a := range m.addresses {
		if a.UserID == user {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
