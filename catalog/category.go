package catalog

import (
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Category is one node of the category tree.
type Category struct {
	ID          commerce.CategoryID `json:"id"`
	ParentID    commerce.CategoryID `json:"parent_id,omitempty"` // zero for a root
	Name        string              `json:"name"`
	Slug        string              `json:"slug"`
	Description string              `json:"description,omitempty"`
	ImageURL    string              `json:"image_url,omitempty"`
	Active      bool                `json:"active"`
	SortOrder   int                 `json:"sort_order"`
	CreatedAt   time.Time           `json:"created_at"`
	UpdatedAt   time.Time           `json:"updated_at"`
}

// CategoryNode is a category with its children and the number of active
// products in it and below it.
type CategoryNode struct {
	Category
	ProductCount int             `json:"product_count"`
	Children     []*CategoryNode `json:"children"`
}
