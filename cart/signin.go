package cart

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Merge moves a guest's cart into the customer's at sign-in, by the
// service's MergeStrategy, and deletes the guest cart, in one store
// transaction. Without a guest cart it returns the customer's cart; without
// a customer cart the guest's becomes theirs. It returns
// KindUnauthenticated when p is not a signed-in customer.
func (s *Service) Merge(ctx context.Context, p commerce.Principal, token string) (View, error) {
	const op = "cart.merge"
	if p.UserID == 0 {
		return View{}, commerce.Errorf(commerce.KindUnauthenticated, op, "debe iniciar sesión")
	}
	for try := 1; ; try++ {
		into, err := s.mergeOnce(ctx, p, token)
		if commerce.ErrorKind(err) == commerce.KindConflict && try < attempts {
			continue
		}
		if err != nil {
			return View{}, fmt.Errorf("%s: %w", op, err)
		}
		return s.view(ctx, into, "")
	}
}

func (s *Service) mergeOnce(ctx context.Context, p commerce.Principal, token string) (Cart,
	error) {
	guest, found, err := s.load(ctx, commerce.Anonymous, token)
	if err != nil || !found {
		c, _, err2 := s.load(ctx, p, "")
		return c, firstErr(err, err2)
	}
	into, found, err := s.load(ctx, p, "")
	if err != nil {
		return Cart{}, err
	}
	if !found {
		into = Cart{CustomerID: p.UserID, CreatedAt: s.clock.Now()}
	}
	stock := s.stockOf(ctx)
	items := s.merge(into.Items, guest.Items, stock, s.maxQty)
	if len(items) > s.maxN {
		items = items[:s.maxN]
	}
	for i := range items {
		if !kept(into.Items, items[i]) {
			into.LastItemID++
			items[i].ID = into.LastItemID
		}
	}
	into.Items, into.UpdatedAt = items, s.clock.Now()
	return into, s.store.Merge(ctx, &into, guest)
}

// stockOf returns a function telling the units available of an item,
// zero when its product cannot be read.
func (s *Service) stockOf(ctx context.Context) func(Item) int {
	return func(it Item) int {
		prod, err := s.catalog.Product(ctx, it.ProductID)
		if err != nil {
			return 0
		}
		return available(prod, it.VariantID)
	}
}

// kept reports whether it is one of the customer's items, id and all.
func kept(items []Item, it Item) bool {
	j := indexOf(items, it.ID)
	return j >= 0 && items[j].ProductID == it.ProductID && items[j].VariantID == it.VariantID
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
