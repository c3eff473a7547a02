package commerce_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// TestPermissionTable pins the decision of issue 3: managers get the catalog,
// the stock and order fulfilment; refunds and users stay with admins; roles
// and settings with super admins.
func TestPermissionTable(t *testing.T) {
	perms := []commerce.Permission{commerce.PermCatalogWrite, commerce.PermInventoryWrite,
		commerce.PermOrdersManage, commerce.PermRefunds, commerce.PermUsersManage,
		commerce.PermRolesManage, commerce.PermSettingsManage}
	tests := []struct {
		name string
		p    commerce.Principal
		want []commerce.Permission
	}{
		{"anonymous", commerce.Anonymous, nil},
		{"customer", commerce.User(1, commerce.RoleCustomer), nil},
		{"manager", commerce.User(2, commerce.RoleManager), []commerce.Permission{
			commerce.PermCatalogWrite, commerce.PermInventoryWrite, commerce.PermOrdersManage}},
		{"admin", commerce.User(3, commerce.RoleAdmin), []commerce.Permission{
			commerce.PermCatalogWrite, commerce.PermInventoryWrite, commerce.PermOrdersManage,
			commerce.PermRefunds, commerce.PermUsersManage}},
		{"super_admin", commerce.User(4, commerce.RoleSuperAdmin), perms},
		{"system", commerce.System, perms},
		{"unknown role", commerce.User(5, commerce.Role("root")), nil},
		{"role without user", commerce.Principal{Role: commerce.RoleSuperAdmin}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := map[commerce.Permission]bool{}
			for _, p := range tt.want {
				want[p] = true
			}
			for _, perm := range perms {
				if got := tt.p.Can(perm); got != want[perm] {
					t.Errorf("Can(%s) = %v; want %v", perm, got, want[perm])
				}
			}
		})
	}
}
