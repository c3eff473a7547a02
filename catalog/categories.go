package catalog

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// CategoryTree returns the active categories as a forest, each node with the
// number of active products in it and below it. Staff see inactive
// categories too.
func (s *Service) CategoryTree(ctx context.Context, p commerce.Principal) ([]*CategoryNode, error) {
	const op = "catalog.category tree"
	all, err := s.store.Categories(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	counts, err := s.store.CategoryProductCounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return buildTree(all, counts, p.Can(commerce.PermCatalogWrite)), nil
}

// buildTree links categories to their parents, keeping the store's order,
// and sums product counts upwards. Hidden categories hide their subtrees.
func buildTree(all []Category, counts map[commerce.CategoryID]int,
	withInactive bool) []*CategoryNode {
	nodes := make(map[commerce.CategoryID]*CategoryNode, len(all))
	for _, c := range all {
		nodes[c.ID] = &CategoryNode{Category: c, ProductCount: counts[c.ID],
			Children: []*CategoryNode{}}
	}
	var roots []*CategoryNode
	for _, c := range all {
		n := nodes[c.ID]
		if !c.Active && !withInactive {
			continue
		}
		if parent, ok := nodes[c.ParentID]; ok {
			parent.Children = append(parent.Children, n)
		} else {
			roots = append(roots, n)
		}
	}
	for _, r := range roots {
		sumCounts(r)
	}
	return roots
}

func sumCounts(n *CategoryNode) int {
	for _, c := range n.Children {
		n.ProductCount += sumCounts(c)
	}
	return n.ProductCount
}

// Category returns a category by numeric id or slug. It returns KindNotFound.
func (s *Service) Category(ctx context.Context, ref string) (Category, error) {
	return s.categoryByRef(ctx, ref)
}

// CategoryPath returns the categories from the root down to id.
func (s *Service) CategoryPath(ctx context.Context, id commerce.CategoryID) ([]Category, error) {
	const op = "catalog.category path"
	var path []Category
	for seen := 0; id != 0; seen++ {
		if seen > 64 {
			return nil, fmt.Errorf("%s: cycle at category %d", op, id)
		}
		c, err := s.store.Category(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		path = append([]Category{c}, path...)
		id = c.ParentID
	}
	return path, nil
}

// CreateCategory stores a new category; a missing slug is made from the
// name. It returns KindForbidden, KindUnauthenticated, KindInvalid and
// KindConflict for a taken slug.
func (s *Service) CreateCategory(ctx context.Context, p commerce.Principal, c *Category) error {
	const op = "catalog.create category"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	if c.Slug == "" {
		c.Slug = Slugify(c.Name)
	}
	if err := s.validateCategory(ctx, op, c); err != nil {
		return err
	}
	ctx = audited(ctx, p, "category.create", "category", func() (int64, any) {
		return int64(c.ID), map[string]any{"name": c.Name, "slug": c.Slug,
			"parent_id": c.ParentID}
	})
	if err := s.store.CreateCategory(ctx, c); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, EventCategoryChanged, categoryKey(c.ID), *c)
	return nil
}

// UpdateCategory stores every field of an existing category. Moving a
// category below itself or one of its descendants is refused with
// KindInvalid. It returns the errors of CreateCategory and KindNotFound.
func (s *Service) UpdateCategory(ctx context.Context, p commerce.Principal, c *Category) error {
	const op = "catalog.update category"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	if err := s.validateCategory(ctx, op, c); err != nil {
		return err
	}
	ctx = audited(ctx, p, "category.update", "category", func() (int64, any) {
		return int64(c.ID), map[string]any{"name": c.Name, "slug": c.Slug,
			"parent_id": c.ParentID}
	})
	if err := s.store.UpdateCategory(ctx, c); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, EventCategoryChanged, categoryKey(c.ID), *c)
	return nil
}

// DeleteCategory removes a category; its children become roots. It returns
// KindForbidden, KindUnauthenticated, KindNotFound, and KindConflict while
// products belong to it.
func (s *Service) DeleteCategory(ctx context.Context, p commerce.Principal,
	id commerce.CategoryID) error {
	const op = "catalog.delete category"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	ctx = audited(ctx, p, "category.delete", "category", func() (int64, any) {
		return int64(id), map[string]any{}
	})
	if err := s.store.DeleteCategory(ctx, id); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, EventCategoryChanged, categoryKey(id), id)
	return nil
}

// EnsureCategory returns the category with c's slug, creating it from c when
// there is none. Imports use it to stay idempotent.
func (s *Service) EnsureCategory(ctx context.Context, p commerce.Principal,
	c Category) (Category, error) {
	if c.Slug == "" {
		c.Slug = Slugify(c.Name)
	}
	found, err := s.store.CategoryBySlug(ctx, c.Slug)
	if commerce.ErrorKind(err) != commerce.KindNotFound {
		return found, err
	}
	err = s.CreateCategory(ctx, p, &c)
	return c, err
}

func (s *Service) validateCategory(ctx context.Context, op string, c *Category) error {
	var bad commerce.Fields
	checkText(&bad, "name", c.Name, 1, 255)
	bad.Check(validSlug(c.Slug) && len(c.Slug) <= 255, "slug",
		"solo minúsculas, dígitos y guiones; máximo 255")
	checkText(&bad, "description", c.Description, 0, 65535)
	checkBytes(&bad, "description", c.Description, 65535)
	checkText(&bad, "image_url", c.ImageURL, 0, 500)
	bad.Check(c.SortOrder >= math.MinInt32 && c.SortOrder <= math.MaxInt32, "sort_order",
		"debe ser un entero entre -2147483648 y 2147483647")
	if err := bad.Err(op); err != nil {
		return err
	}
	if c.ParentID == 0 {
		return nil
	}
	path, err := s.CategoryPath(ctx, c.ParentID)
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return commerce.Invalid(op, commerce.FieldError{Field: "parent_id",
			Message: "la categoría padre no existe"})
	}
	if err != nil {
		return err
	}
	for _, anc := range path {
		if c.ID != 0 && anc.ID == c.ID {
			return commerce.Invalid(op, commerce.FieldError{Field: "parent_id",
				Message: "una categoría no puede quedar dentro de sí misma"})
		}
	}
	return nil
}

func (s *Service) categoryByRef(ctx context.Context, ref string) (Category, error) {
	var (
		c   Category
		err error
	)
	if id, ok := commerce.ParseID(ref); ok {
		c, err = s.store.Category(ctx, commerce.CategoryID(id))
	} else {
		c, err = s.store.CategoryBySlug(ctx, ref)
	}
	if err != nil {
		return Category{}, fmt.Errorf("catalog.category %q: %w", ref, err)
	}
	return c, nil
}

func categoryKey(id commerce.CategoryID) string {
	return "category:" + strconv.FormatInt(int64(id), 10)
}
