package catalog

import (
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Brand is a product's maker or label.
type Brand struct {
	ID        commerce.BrandID `json:"id"`
	Name      string           `json:"name"`
	Slug      string           `json:"slug"`
	CreatedAt time.Time        `json:"created_at"`
	UpdatedAt time.Time        `json:"updated_at"`
}
