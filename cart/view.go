package cart

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pricing"
)

// View is a cart priced now, as the shopper sees it.
type View struct {
	ID int64 // zero: the shopper has no stored cart yet
	// Version is the stored cart's version, bumped by every change: ID and
	// Version name these contents of this cart.
	Version int64
	Items   []ItemView
	// Quote prices the items that can be bought, without shipping: the
	// address is not known yet. Quote.Lines[i] belongs to the i-th item
	// with Available set.
	Quote pricing.Quote
	// Token is a new guest token when this call created the guest's cart;
	// the shopper must keep it. Empty otherwise.
	Token string
}

// ItemView is an item with its current catalog data.
type ItemView struct {
	Item
	Name         string
	SKU          string
	Image        string
	Price        commerce.Money // the catalog price now
	PriceChanged bool           // Price differs from the price when the item was chosen
	Stock        int            // units that can be sold now
	Available    bool           // the product or variant is still for sale
	OutOfStock   bool           // Quantity is more than Stock
}

// view prices a cart now. Items whose product is gone or not for sale any
// more stay in the view, unavailable, and out of the quote.
func (s *Service) view(ctx context.Context, c Cart, token string) (View, error) {
	v := View{ID: c.ID, Version: c.Version, Token: token,
		Items: make([]ItemView, 0, len(c.Items))}
	var lines []pricing.Line
	for _, it := range c.Items {
		iv, line, err := s.itemView(ctx, it)
		if err != nil {
			return View{}, err
		}
		v.Items = append(v.Items, iv)
		if iv.Available {
			lines = append(lines, line)
		}
	}
	q, err := s.pricer.Price(ctx, pricing.Request{Lines: lines, NoShipping: true,
		Customer: c.CustomerID})
	if err != nil {
		return View{}, fmt.Errorf("cart.price: %w", err)
	}
	v.Quote = q
	return v, nil
}

func (s *Service) itemView(ctx context.Context, it Item) (ItemView, pricing.Line, error) {
	iv := ItemView{Item: it, Price: it.UnitPrice}
	prod, err := s.catalog.Product(ctx, it.ProductID)
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return iv, pricing.Line{}, nil
	}
	if err != nil {
		return iv, pricing.Line{}, fmt.Errorf("cart.view: %w", err)
	}
	iv.Name, iv.SKU, iv.Image = prod.Name, prod.SKU, image(prod)
	line, bad := pricing.CatalogLine(prod, it.VariantID, it.Quantity, "")
	if bad != nil {
		return iv, pricing.Line{}, nil //nolint:nilerr // not for sale any more: shown unavailable
	}
	iv.Name, iv.SKU, iv.Price = line.Name, line.SKU, line.UnitPrice
	iv.PriceChanged = !line.UnitPrice.Equal(it.UnitPrice)
	iv.Stock = available(prod, it.VariantID)
	iv.Available, iv.OutOfStock = true, it.Quantity > iv.Stock
	return iv, line, nil
}

func image(p catalog.Product) string {
	if len(p.Images) == 0 {
		return ""
	}
	return p.Images[0].URL
}
