package commerce_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
)

func TestErrorKindThroughWrapping(t *testing.T) {
	base := commerce.NotFound("catalog.product", "producto")
	wrapped := fmt.Errorf("get product: %w", base)
	if got := commerce.ErrorKind(wrapped); got != commerce.KindNotFound {
		t.Errorf("ErrorKind(wrapped) = %v; want not_found", got)
	}
	if got := commerce.ErrorMessage(wrapped); got != "producto no encontrado" {
		t.Errorf("ErrorMessage(wrapped) = %q", got)
	}
	if got := commerce.ErrorKind(errors.New("driver: bad connection")); got != commerce.KindInternal {
		t.Errorf("ErrorKind(plain) = %v; want internal", got)
	}
}

func TestInternalMessageNeverLeaks(t *testing.T) {
	err := commerce.Wrap(commerce.KindInternal, "op", errors.New("Error 1064: SQL syntax"), "secret")
	if got := commerce.ErrorMessage(err); got == "secret" || got == err.Error() {
		t.Errorf("ErrorMessage(internal) = %q; want a generic message", got)
	}
}

func TestFields(t *testing.T) {
	var f commerce.Fields
	if err := f.Err("op"); err != nil {
		t.Fatalf("empty Fields.Err = %v; want nil", err)
	}
	f.Check(true, "ok", "never")
	f.Check(false, "limit", "fuera de rango")
	err := f.Err("op")
	if commerce.ErrorKind(err) != commerce.KindInvalid {
		t.Fatalf("kind = %v; want invalid", commerce.ErrorKind(err))
	}
	fields := commerce.ErrorFields(err)
	if len(fields) != 1 || fields[0].Field != "limit" {
		t.Errorf("fields = %v; want one for limit", fields)
	}
}

func TestPrincipalRequire(t *testing.T) {
	const allowed = commerce.KindInternal // stands for "no error"
	var (
		customer = commerce.User(1, commerce.RoleCustomer)
		manager  = commerce.User(2, commerce.RoleManager)
		admin    = commerce.User(3, commerce.RoleAdmin)
		super    = commerce.User(4, commerce.RoleSuperAdmin)
		unknown  = commerce.User(5, "root")
	)
	tests := []struct {
		name string
		p    commerce.Principal
		perm commerce.Permission
		want commerce.Kind
	}{
		{"anonymous", commerce.Anonymous, commerce.PermCatalogWrite, commerce.KindUnauthenticated},
		{"customer", customer, commerce.PermCatalogWrite, commerce.KindForbidden},
		{"manager writes catalog", manager, commerce.PermCatalogWrite, allowed},
		{"manager fulfils orders", manager, commerce.PermOrdersManage, allowed},
		{"manager cannot refund", manager, commerce.PermRefunds, commerce.KindForbidden},
		{"manager cannot manage users", manager, commerce.PermUsersManage,
			commerce.KindForbidden},
		{"admin refunds", admin, commerce.PermRefunds, allowed},
		{"admin manages users", admin, commerce.PermUsersManage, allowed},
		{"admin cannot grant roles", admin, commerce.PermRolesManage, commerce.KindForbidden},
		{"super admin grants roles", super, commerce.PermRolesManage, allowed},
		{"unknown role", unknown, commerce.PermCatalogWrite, commerce.KindForbidden},
		{"system", commerce.System, commerce.PermSettingsManage, allowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Require("op", tt.perm)
			if tt.want == allowed {
				if err != nil {
					t.Errorf("Require(%s) = %v; want nil", tt.perm, err)
				}
				return
			}
			if got := commerce.ErrorKind(err); err == nil || got != tt.want {
				t.Errorf("Require(%s) = %v; want kind %v", tt.perm, err, tt.want)
			}
		})
	}
}

func TestNotFoundAgrees(t *testing.T) {
	tests := []struct{ what, want string }{
		{"producto", "producto no encontrado"},
		{"categoría", "categoría no encontrada"},
		{"marca", "marca no encontrada"},
		{"bodega", "bodega no encontrada"},
		{"dirección", "dirección no encontrada"},
		{"variante", "variante no encontrada"},
		{"producto del carrito", "producto del carrito no encontrado"},
		{"Pedido", "Pedido no encontrado"},
		{"usuario", "usuario no encontrado"},
		{"problema", "problema no encontrado"},
	}
	for _, tt := range tests {
		if got := commerce.NotFound("op", tt.what).Message; got != tt.want {
			t.Errorf("NotFound(%q).Message = %q; want %q", tt.what, got, tt.want)
		}
	}
}

func TestBetweenAndPageCount(t *testing.T) {
	var f commerce.Fields
	f.Between("page", 0, 1, 10)
	f.Between("limit", 10, 1, 10)
	f.Between("qty", 11, 1, 10)
	if len(f) != 2 || f[0].Field != "page" || f[1].Message != "debe ser un entero entre 1 y 10" {
		t.Fatalf("Fields = %+v; want page and qty out of range", f)
	}
	for _, tt := range []struct{ total, limit, want int }{
		{0, 20, 0}, {1, 20, 1}, {20, 20, 1}, {21, 20, 2}, {5, 0, 0}, {5, -1, 0},
	} {
		if got := commerce.PageCount(tt.total, tt.limit); got != tt.want {
			t.Errorf("PageCount(%d, %d) = %d; want %d", tt.total, tt.limit, got, tt.want)
		}
	}
}
