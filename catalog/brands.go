package catalog

import (
	"context"
	"fmt"
	"strconv"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Brands returns every brand ordered by name.
func (s *Service) Brands(ctx context.Context) ([]Brand, error) {
	bs, err := s.store.Brands(ctx)
	if err != nil {
		return nil, fmt.Errorf("catalog.brands: %w", err)
	}
	return bs, nil
}

// Brand returns a brand by numeric id or slug. It returns KindNotFound.
func (s *Service) Brand(ctx context.Context, ref string) (Brand, error) {
	return s.brandByRef(ctx, ref)
}

// CreateBrand stores a new brand; a missing slug is made from the name. It
// returns KindForbidden, KindUnauthenticated, KindInvalid and KindConflict.
func (s *Service) CreateBrand(ctx context.Context, p commerce.Principal, b *Brand) error {
	const op = "catalog.create brand"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	if b.Slug == "" {
		b.Slug = Slugify(b.Name)
	}
	if err := checkBrand(op, b); err != nil {
		return err
	}
	ctx = audited(ctx, p, "brand.create", "brand", func() (int64, any) {
		return int64(b.ID), map[string]any{"name": b.Name, "slug": b.Slug}
	})
	if err := s.store.CreateBrand(ctx, b); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, EventBrandChanged, brandKey(b.ID), *b)
	return nil
}

// UpdateBrand stores every field of an existing brand. It returns the errors
// of CreateBrand and KindNotFound.
func (s *Service) UpdateBrand(ctx context.Context, p commerce.Principal, b *Brand) error {
	const op = "catalog.update brand"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	if err := checkBrand(op, b); err != nil {
		return err
	}
	ctx = audited(ctx, p, "brand.update", "brand", func() (int64, any) {
		return int64(b.ID), map[string]any{"name": b.Name, "slug": b.Slug}
	})
	if err := s.store.UpdateBrand(ctx, b); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, EventBrandChanged, brandKey(b.ID), *b)
	return nil
}

// DeleteBrand removes a brand; its products are left without one. It returns
// KindForbidden, KindUnauthenticated and KindNotFound.
func (s *Service) DeleteBrand(ctx context.Context, p commerce.Principal,
	id commerce.BrandID) error {
	const op = "catalog.delete brand"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	ctx = audited(ctx, p, "brand.delete", "brand", func() (int64, any) {
		return int64(id), map[string]any{}
	})
	if err := s.store.DeleteBrand(ctx, id); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, EventBrandChanged, brandKey(id), id)
	return nil
}

// EnsureBrand returns the brand with b's slug, creating it from b when there
// is none.
func (s *Service) EnsureBrand(ctx context.Context, p commerce.Principal, b Brand) (Brand, error) {
	if b.Slug == "" {
		b.Slug = Slugify(b.Name)
	}
	found, err := s.store.BrandBySlug(ctx, b.Slug)
	if commerce.ErrorKind(err) != commerce.KindNotFound {
		return found, err
	}
	err = s.CreateBrand(ctx, p, &b)
	return b, err
}

func checkBrand(op string, b *Brand) error {
	var bad commerce.Fields
	checkText(&bad, "name", b.Name, 1, 255)
	bad.Check(validSlug(b.Slug) && len(b.Slug) <= 255, "slug",
		"solo minúsculas, dígitos y guiones; máximo 255")
	return bad.Err(op)
}

func (s *Service) brandByRef(ctx context.Context, ref string) (Brand, error) {
	var (
		b   Brand
		err error
	)
	if id, ok := commerce.ParseID(ref); ok {
		b, err = s.store.Brand(ctx, commerce.BrandID(id))
	} else {
		b, err = s.store.BrandBySlug(ctx, ref)
	}
	if err != nil {
		return Brand{}, fmt.Errorf("catalog.brand %q: %w", ref, err)
	}
	return b, nil
}

func brandKey(id commerce.BrandID) string {
	return "brand:" + strconv.FormatInt(int64(id), 10)
}
