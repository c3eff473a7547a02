package catalog

import (
	"context"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// audited returns a context whose next store write records a staff audit
// entry in its transaction. build runs after the write succeeded and
// returns the target's id and a summary of the change.
func audited(ctx context.Context, p commerce.Principal, action, target string,
	build func() (int64, any)) context.Context {
	return commerce.WithStaffAudit(ctx, func() commerce.StaffAudit {
		id, summary := build()
		return commerce.StaffAudit{ActorID: p.UserID, Action: action, TargetType: target,
			TargetID: id, Summary: commerce.AuditSummary(summary)}
	})
}

// productSummary is what the audit trail keeps of a product.
func productSummary(p *Product) any {
	skus := make([]string, len(p.Variants))
	for i, v := range p.Variants {
		skus[i] = v.SKU
	}
	return map[string]any{"name": p.Name, "slug": p.Slug, "sku": p.SKU,
		"price": p.Price.Amount().String(), "active": p.Active, "variants": skus}
}

func variantSummary(v *Variant) any {
	return map[string]any{"variant_id": v.ID, "sku": v.SKU, "name": v.Name}
}
