package commerce

// Role is a user's role. Each role holds the permissions of the ones below it.
type Role string

// The roles of the store, from least to most powerful.
const (
	RoleCustomer   Role = "customer"
	RoleManager    Role = "manager"
	RoleAdmin      Role = "admin"
	RoleSuperAdmin Role = "super_admin"
)

// Permission names one thing a principal may do.
type Permission string

// The permissions services check.
const (
	PermCatalogWrite   Permission = "catalog:write"   // products, categories, brands
	PermInventoryWrite Permission = "inventory:write" // warehouses and stock
	PermOrdersManage   Permission = "orders:manage"   // every order, status changes
	PermRefunds        Permission = "payments:refund" // refunds and payment corrections
	PermUsersManage    Permission = "users:manage"    // other people's accounts
	PermRolesManage    Permission = "roles:manage"    // granting roles
	PermSettingsManage Permission = "settings:manage" // store settings
)

// rolePermissions is the permission table. A manager runs the shop floor:
// the catalog, the stock and the fulfilment of orders (seeing every order
// and moving it through its states). Money going back out (refunds) and
// other people's accounts stay with admins; granting roles and changing the
// store's settings stay with super admins.
var rolePermissions = map[Role][]Permission{
	RoleManager: {PermCatalogWrite, PermInventoryWrite, PermOrdersManage},
	RoleAdmin: {PermCatalogWrite, PermInventoryWrite, PermOrdersManage, PermRefunds,
		PermUsersManage},
	RoleSuperAdmin: {PermCatalogWrite, PermInventoryWrite, PermOrdersManage, PermRefunds,
		PermUsersManage, PermRolesManage, PermSettingsManage},
}

// Valid reports whether r is one of the store's roles.
func (r Role) Valid() bool {
	return r == RoleCustomer || rolePermissions[r] != nil
}

// Staff reports whether the role belongs to the store's staff.
func (r Role) Staff() bool { return rolePermissions[r] != nil }

// Principal is who is acting: a signed-in user, an anonymous shopper, or the
// system itself (imports, jobs). Every service method that reads or changes
// data takes one and checks it.
type Principal struct {
	UserID UserID
	Role   Role
	system bool
}

// Anonymous is the principal of a shopper who has not signed in.
var Anonymous = Principal{}

// System is the principal of work the store does on its own behalf, such as
// the demo import and background jobs. It may do everything.
var System = Principal{system: true}

// User returns the principal of a signed-in user.
func User(id UserID, role Role) Principal { return Principal{UserID: id, Role: role} }

// Authenticated reports whether the principal is a user or the system.
func (p Principal) Authenticated() bool { return p.system || p.UserID != 0 }

// IsSystem reports whether the principal is the store itself.
func (p Principal) IsSystem() bool { return p.system }

// Can reports whether the principal holds the permission.
func (p Principal) Can(perm Permission) bool {
	if p.system {
		return true
	}
	if p.UserID == 0 {
		return false
	}
	for _, have := range rolePermissions[p.Role] {
		if have == perm {
			return true
		}
	}
	return false
}

// Require returns nil when the principal holds the permission, an error of
// kind KindUnauthenticated when nobody is signed in, and one of kind
// KindForbidden otherwise.
func (p Principal) Require(op string, perm Permission) error {
	switch {
	case p.Can(perm):
		return nil
	case !p.Authenticated():
		return Errorf(KindUnauthenticated, op, "debe iniciar sesión")
	default:
		return Errorf(KindForbidden, op, "no tiene permiso para esta acción")
	}
}
