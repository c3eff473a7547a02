package inventory

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Event names the inventory publishes.
const (
	EventStockChanged = "inventory.stock.changed" // Data: Level
	EventStockLow     = "inventory.stock.low"     // Data: Level at or below its reorder point
)

// Config holds what a Service needs besides its store.
type Config struct {
	Clock  commerce.Clock     // the system clock when nil
	Events commerce.Publisher // events are dropped when nil
	Logger *slog.Logger       // hears failing event consumers; nil is silent
}

// Service manages warehouses and stock for staff holding
// commerce.PermInventoryWrite. It is safe for concurrent use.
type Service struct {
	store  Store
	clock  commerce.Clock
	events commerce.Publisher
	log    *slog.Logger
}

// NewService returns a Service over the store.
func NewService(store Store, cfg Config) *Service {
	s := &Service{store: store, clock: cfg.Clock, events: cfg.Events, log: cfg.Logger}
	if s.clock == nil {
		s.clock = commerce.SystemClock{}
	}
	if s.events == nil {
		s.events = commerce.Discard
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	return s
}

// Warehouses returns every warehouse, for staff holding
// commerce.PermInventoryWrite. It returns KindForbidden and
// KindUnauthenticated.
func (s *Service) Warehouses(ctx context.Context, p commerce.Principal) ([]Warehouse, error) {
	const op = "inventory.warehouses"
	if err := p.Require(op, commerce.PermInventoryWrite); err != nil {
		return nil, err
	}
	ws, err := s.store.Warehouses(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return ws, nil
}

// CreateWarehouse stores a new warehouse. It returns KindForbidden,
// KindUnauthenticated, KindInvalid, and KindConflict for a taken code.
func (s *Service) CreateWarehouse(ctx context.Context, p commerce.Principal, w *Warehouse) error {
	const op = "inventory.create warehouse"
	if err := p.Require(op, commerce.PermInventoryWrite); err != nil {
		return err
	}
	if err := checkWarehouse(op, w); err != nil {
		return err
	}
	ctx = auditWarehouse(ctx, p, "warehouse.create", w)
	if err := s.store.CreateWarehouse(ctx, w); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// UpdateWarehouse stores every field of an existing warehouse. It returns the
// errors of CreateWarehouse and KindNotFound.
func (s *Service) UpdateWarehouse(ctx context.Context, p commerce.Principal, w *Warehouse) error {
	const op = "inventory.update warehouse"
	if err := p.Require(op, commerce.PermInventoryWrite); err != nil {
		return err
	}
	if err := checkWarehouse(op, w); err != nil {
		return err
	}
	ctx = auditWarehouse(ctx, p, "warehouse.update", w)
	if err := s.store.UpdateWarehouse(ctx, w); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// EnsureWarehouse returns the warehouse with w's code, creating it from w
// when there is none.
func (s *Service) EnsureWarehouse(ctx context.Context, p commerce.Principal,
	w Warehouse) (Warehouse, error) {
	found, err := s.store.WarehouseByCode(ctx, w.Code)
	if commerce.ErrorKind(err) != commerce.KindNotFound {
		return found, err
	}
	err = s.CreateWarehouse(ctx, p, &w)
	return w, err
}

// Levels returns the stock of a product and its variants per warehouse,
// for staff holding commerce.PermInventoryWrite. It returns KindForbidden
// and KindUnauthenticated.
func (s *Service) Levels(ctx context.Context, p commerce.Principal,
	product commerce.ProductID) ([]Level, error) {
	const op = "inventory.levels"
	if err := p.Require(op, commerce.PermInventoryWrite); err != nil {
		return nil, err
	}
	ls, err := s.store.Levels(ctx, product)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return ls, nil
}

// Adjust changes one stock level by a delta, with a reason, recorded with
// the acting user. It returns KindForbidden, KindUnauthenticated, KindInvalid,
// and KindConflict when the change would leave fewer units than reserved.
func (s *Service) Adjust(ctx context.Context, p commerce.Principal, a Adjustment) (Level, error) {
	const op = "inventory.adjust"
	if err := p.Require(op, commerce.PermInventoryWrite); err != nil {
		return Level{}, err
	}
	var bad commerce.Fields
	bad.Check(a.ProductID > 0, "product_id", "es obligatorio")
	bad.Check(a.WarehouseID > 0, "warehouse_id", "es obligatorio")
	bad.Check(a.Delta != 0 && a.Delta > -1_000_000_000 && a.Delta < 1_000_000_000, "delta",
		"debe ser un entero distinto de cero, menor que mil millones")
	bad.Check(a.Reason.Valid(), "reason", "motivo desconocido")
	bad.Check(utf8.RuneCountInString(a.Note) <= 500, "note", "máximo 500 caracteres")
	if err := bad.Err(op); err != nil {
		return Level{}, err
	}
	a.ActorID, a.At = p.UserID, s.clock.Now()

	ctx = commerce.WithStaffAudit(ctx, func() commerce.StaffAudit {
		return commerce.StaffAudit{ActorID: p.UserID, Action: "stock.adjust",
			TargetType: "product", TargetID: int64(a.ProductID),
			Summary: commerce.AuditSummary(map[string]any{"variant_id": a.VariantID,
				"warehouse_id": a.WarehouseID, "delta": a.Delta, "reason": a.Reason,
				"note": a.Note})}
	})
	l, err := s.store.Adjust(ctx, a)
	if err != nil {
		return Level{}, fmt.Errorf("%s: %w", op, err)
	}
	s.announce(ctx, l)
	return l, nil
}

// SetLevels writes many stock levels at once, for imports. It returns
// KindForbidden and KindUnauthenticated.
func (s *Service) SetLevels(ctx context.Context, p commerce.Principal, ls []Level) error {
	const op = "inventory.set levels"
	if err := p.Require(op, commerce.PermInventoryWrite); err != nil {
		return err
	}
	for i, l := range ls {
		if l.Quantity < 0 || l.ReorderPoint < 0 || l.ReorderQuantity < 0 {
			return commerce.Invalid(op, commerce.FieldError{
				Field: "levels[" + strconv.Itoa(i) + "]", Message: "no puede ser negativo"})
		}
	}
	if err := s.store.SetLevels(ctx, ls); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

func (s *Service) announce(ctx context.Context, l Level) {
	key := "product:" + strconv.FormatInt(int64(l.ProductID), 10)
	events := []commerce.Event{{Name: EventStockChanged, Key: key, At: s.clock.Now(), Data: l}}
	if l.Low() {
		events = append(events, commerce.Event{Name: EventStockLow, Key: key, At: s.clock.Now(), Data: l})
	}
	if err := s.events.Publish(ctx, events...); err != nil {
		s.log.ErrorContext(ctx, "inventory: event consumer failed", "key", key, "err", err)
	}
}

func checkWarehouse(op string, w *Warehouse) error {
	var bad commerce.Fields
	w.Code = strings.TrimSpace(w.Code)
	bad.Check(w.Code != "" && len(w.Code) <= 50, "code", "es obligatorio, máximo 50 caracteres")
	bad.Check(w.Name != "" && utf8.RuneCountInString(w.Name) <= 255, "name",
		"es obligatorio, máximo 255 caracteres")
	bad.Check(utf8.RuneCountInString(w.Address) <= 500, "address", "máximo 500 caracteres")
	return bad.Err(op)
}

// DeactivateWarehouse takes a warehouse out of use, for staff holding
// commerce.PermInventoryWrite. Its stock levels and adjustments stay, as
// the record of what it held; a warehouse is never deleted. It returns
// KindUnauthenticated, KindForbidden and KindNotFound.
func (s *Service) DeactivateWarehouse(ctx context.Context, p commerce.Principal,
	id commerce.WarehouseID) (Warehouse, error) {
	const op = "inventory.deactivate warehouse"
	if err := p.Require(op, commerce.PermInventoryWrite); err != nil {
		return Warehouse{}, err
	}
	w, err := s.store.Warehouse(ctx, id)
	if err != nil {
		return Warehouse{}, fmt.Errorf("%s: %w", op, err)
	}
	if !w.Active {
		return w, nil
	}
	w.Active = false
	ctx = auditWarehouse(ctx, p, "warehouse.deactivate", &w)
	if err := s.store.UpdateWarehouse(ctx, &w); err != nil {
		return Warehouse{}, fmt.Errorf("%s: %w", op, err)
	}
	return w, nil
}

// auditWarehouse returns a context whose next store write records a staff
// audit entry for w in its transaction.
func auditWarehouse(ctx context.Context, p commerce.Principal, action string,
	w *Warehouse) context.Context {
	return commerce.WithStaffAudit(ctx, func() commerce.StaffAudit {
		return commerce.StaffAudit{ActorID: p.UserID, Action: action, TargetType: "warehouse",
			TargetID: int64(w.ID), Summary: commerce.AuditSummary(map[string]any{
				"code": w.Code, "name": w.Name, "active": w.Active})}
	})
}
