package cart

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pricing"
)

// attempts is how many times a change is made again when another device
// changed the cart in between.
const attempts = 5

// AddItem puts quantity units of a product, or of one of its variants, in
// the cart; when the cart has it already the quantities add up. A guest
// without a cart gets one, and its new token in View.Token. It returns
// KindInvalid naming quantity (not 1 to the maximum), product_id (missing
// or inactive) or variant_id (unknown, inactive, or needed), and
// KindOutOfStock naming quantity when the stock cannot cover it.
func (s *Service) AddItem(ctx context.Context, p commerce.Principal, token string,
	product commerce.ProductID, variant commerce.VariantID, quantity int) (View, error) {
	const op = "cart.add item"
	if err := s.checkQuantity(op, quantity); err != nil {
		return View{}, err
	}
	prod, err := s.product(ctx, op, product)
	if err != nil {
		return View{}, err
	}
	line, err := pricing.CatalogLine(prod, variant, quantity, "")
	if err != nil {
		return View{}, err
	}
	return s.mutate(ctx, op, p, token, func(c *Cart) error {
		it := Item{ProductID: product, VariantID: variant, UnitPrice: line.UnitPrice,
			AddedAt: s.clock.Now()}
		i := find(c.Items, it)
		if i < 0 {
			if len(c.Items) >= s.maxN {
				return commerce.Invalid(op, commerce.FieldError{Field: "product_id",
					Message: "el carrito admite " + itoa(s.maxN) + " productos distintos"})
			}
			c.LastItemID++
			it.ID = c.LastItemID
			c.Items = append(c.Items, it)
			i = len(c.Items) - 1
		}
		return s.setQuantity(op, prod, &c.Items[i], c.Items[i].Quantity+quantity, line)
	})
}

// UpdateItem sets the quantity of an item of the cart. It returns
// KindNotFound for an item the cart does not have, and the errors of
// AddItem.
func (s *Service) UpdateItem(ctx context.Context, p commerce.Principal, token string,
	item int64, quantity int) (View, error) {
	const op = "cart.update item"
	if err := s.checkQuantity(op, quantity); err != nil {
		return View{}, err
	}
	return s.mutate(ctx, op, p, token, func(c *Cart) error {
		i := indexOf(c.Items, item)
		if i < 0 {
			return commerce.NotFound(op, "producto del carrito")
		}
		prod, err := s.product(ctx, op, c.Items[i].ProductID)
		if err != nil {
			return err
		}
		line, err := pricing.CatalogLine(prod, c.Items[i].VariantID, quantity, "")
		if err != nil {
			return err
		}
		return s.setQuantity(op, prod, &c.Items[i], quantity, line)
	})
}

// RemoveItem takes an item out of the cart. It returns KindNotFound for an
// item the cart does not have.
func (s *Service) RemoveItem(ctx context.Context, p commerce.Principal, token string,
	item int64) (View, error) {
	const op = "cart.remove item"
	return s.mutate(ctx, op, p, token, func(c *Cart) error {
		i := indexOf(c.Items, item)
		if i < 0 {
			return commerce.NotFound(op, "producto del carrito")
		}
		c.Items = append(c.Items[:i:i], c.Items[i+1:]...)
		return nil
	})
}

func (s *Service) checkQuantity(op string, q int) error {
	if q >= 1 && q <= s.maxQty {
		return nil
	}
	return commerce.Invalid(op, commerce.FieldError{Field: "quantity",
		Message: "debe ser un entero entre 1 y " + itoa(s.maxQty)})
}

// setQuantity sets an item's quantity within the maximum and the stock,
// and refreshes the price the shopper saw.
func (s *Service) setQuantity(op string, prod catalog.Product, it *Item, q int,
	line pricing.Line) error {
	if q > s.maxQty {
		return commerce.Invalid(op, commerce.FieldError{Field: "quantity",
			Message: "máximo " + itoa(s.maxQty) + " unidades por producto"})
	}
	if avail := available(prod, it.VariantID); q > avail {
		e := commerce.Errorf(commerce.KindOutOfStock, op, "sin stock suficiente de %s", line.Name)
		e.Fields = []commerce.FieldError{{Field: "quantity",
			Message: fmt.Sprintf("quedan %d unidades", max(avail, 0))}}
		return e
	}
	it.Quantity, it.UnitPrice = q, line.UnitPrice
	return nil
}

func (s *Service) product(ctx context.Context, op string,
	id commerce.ProductID) (catalog.Product, error) {
	prod, err := s.catalog.Product(ctx, id)
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return prod, commerce.Invalid(op, commerce.FieldError{Field: "product_id",
			Message: "el producto no existe o no está a la venta"})
	}
	if err != nil {
		return prod, fmt.Errorf("%s: %w", op, err)
	}
	return prod, nil
}

// mutate changes the shopper's cart with change and stores it, creating it
// when there is none; when another device changed it in between, it reads
// and changes it again.
func (s *Service) mutate(ctx context.Context, op string, p commerce.Principal, token string,
	change func(c *Cart) error) (View, error) {
	for try := 1; ; try++ {
		c, found, err := s.load(ctx, p, token)
		if err != nil {
			return View{}, fmt.Errorf("%s: %w", op, err)
		}
		newToken := ""
		if !found {
			if c, newToken, err = s.newCart(p); err != nil {
				return View{}, fmt.Errorf("%s: %w", op, err)
			}
		}
		if err := change(&c); err != nil {
			return View{}, err
		}
		c.UpdatedAt = s.clock.Now()
		if found {
			err = s.store.UpdateCart(ctx, &c)
		} else {
			err = s.store.CreateCart(ctx, &c)
		}
		if commerce.ErrorKind(err) == commerce.KindConflict && try < attempts {
			continue
		}
		if err != nil {
			return View{}, fmt.Errorf("%s: %w", op, err)
		}
		return s.view(ctx, c, newToken)
	}
}

// newCart returns an unsaved cart for a customer, or for a guest with a new
// token.
func (s *Service) newCart(p commerce.Principal) (Cart, string, error) {
	c := Cart{CustomerID: p.UserID, CreatedAt: s.clock.Now()}
	if p.UserID != 0 {
		return c, "", nil
	}
	token, hash, err := NewToken(s.random)
	c.TokenHash = hash
	return c, token, err
}

func indexOf(items []Item, id int64) int {
	for i, it := range items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

// available returns the units that can be sold of a product or variant.
func available(p catalog.Product, v commerce.VariantID) int {
	if v == 0 {
		return p.Available
	}
	for _, vr := range p.Variants {
		if vr.ID == v {
			return vr.Available
		}
	}
	return 0
}
