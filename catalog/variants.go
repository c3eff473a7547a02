package catalog

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// A variant is stored with its product: the methods below read the product,
// change its list of variants and write it back through UpdateProduct, so
// that a variant is validated with its siblings (unique SKUs, prices in the
// store's currency) and the same permission check and events apply. The
// store keeps a variant's ID, and its stock, by SKU.

// CreateVariant adds a variant to the product and sets v.ID. It returns
// the errors of UpdateProduct.
func (s *Service) CreateVariant(ctx context.Context, p commerce.Principal,
	product commerce.ProductID, v *Variant) error {
	const op = "catalog.create variant"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	prod, err := s.store.Product(ctx, product)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	v.ID, v.ProductID = 0, product
	prod.Variants = append(prod.Variants, *v)
	ctx = auditVariant(ctx, p, "variant.create", &prod, v.SKU)
	return s.writeVariant(ctx, p, &prod, v)
}

// UpdateVariant replaces the variant v.ID of the product. Changing its SKU
// makes it a new variant, with a new ID and no stock. It returns the errors
// of UpdateProduct, and KindNotFound for a variant of another product.
func (s *Service) UpdateVariant(ctx context.Context, p commerce.Principal,
	product commerce.ProductID, v *Variant) error {
	const op = "catalog.update variant"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	prod, i, err := s.variantOf(ctx, op, product, v.ID)
	if err != nil {
		return err
	}
	v.ProductID = product
	prod.Variants[i] = *v
	ctx = auditVariant(ctx, p, "variant.update", &prod, v.SKU)
	return s.writeVariant(ctx, p, &prod, v)
}

// DeleteVariant removes the variant of the product with its stock. It
// returns the errors of UpdateVariant.
func (s *Service) DeleteVariant(ctx context.Context, p commerce.Principal,
	product commerce.ProductID, id commerce.VariantID) error {
	const op = "catalog.delete variant"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	prod, i, err := s.variantOf(ctx, op, product, id)
	if err != nil {
		return err
	}
	gone := prod.Variants[i]
	ctx = audited(ctx, p, "variant.delete", "product", func() (int64, any) {
		return int64(product), variantSummary(&gone)
	})
	prod.Variants = append(prod.Variants[:i], prod.Variants[i+1:]...)
	return s.UpdateProduct(ctx, p, &prod)
}

// variantOf reads the product and finds its variant id.
func (s *Service) variantOf(ctx context.Context, op string, product commerce.ProductID,
	id commerce.VariantID) (Product, int, error) {
	prod, err := s.store.Product(ctx, product)
	if err != nil {
		return Product{}, 0, fmt.Errorf("%s: %w", op, err)
	}
	for i, have := range prod.Variants {
		if have.ID == id && id != 0 {
			return prod, i, nil
		}
	}
	return Product{}, 0, commerce.NotFound(op, "variante")
}

// writeVariant stores the product and copies the stored form of v, found
// by SKU, back into v.
func (s *Service) writeVariant(ctx context.Context, p commerce.Principal, prod *Product,
	v *Variant) error {
	if err := s.UpdateProduct(ctx, p, prod); err != nil {
		return err
	}
	stored, err := s.store.Product(ctx, prod.ID)
	if err != nil {
		return fmt.Errorf("catalog.write variant: %w", err)
	}
	for _, have := range stored.Variants {
		if have.SKU == v.SKU {
			*v = have
			return nil
		}
	}
	return fmt.Errorf("catalog.write variant: variant %q not stored", v.SKU)
}

// auditVariant records a variant change against its product; build finds
// the variant by SKU after the write, when the store has set its ID.
func auditVariant(ctx context.Context, p commerce.Principal, action string, prod *Product,
	sku string) context.Context {
	return audited(ctx, p, action, "product", func() (int64, any) {
		for i := range prod.Variants {
			if prod.Variants[i].SKU == sku {
				return int64(prod.ID), variantSummary(&prod.Variants[i])
			}
		}
		return int64(prod.ID), map[string]any{"sku": sku}
	})
}
