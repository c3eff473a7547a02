package rest

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// staffRoutes adds the catalog's writes of section 5.4 and the stock
// routes, for staff. The services check commerce.PermCatalogWrite and
// commerce.PermInventoryWrite; stock adjustments are kept with their actor
// and reason.
func (h *Handler) staffRoutes(r chi.Router) {
	r.Post("/products", h.createProduct)
	r.Put("/products/{id}", h.updateProduct)
	r.Delete("/products/{id}", h.deleteProduct)
	r.Post("/products/{id}/variants", h.createVariant)
	r.Put("/products/{id}/variants/{variant}", h.updateVariant)
	r.Delete("/products/{id}/variants/{variant}", h.deleteVariant)
	r.Post("/categories", h.createCategory)
	r.Put("/categories/{id}", h.updateCategory)
	r.Delete("/categories/{id}", h.deleteCategory)
	r.Post("/brands", h.createBrand)
	r.Put("/brands/{id}", h.updateBrand)
	r.Delete("/brands/{id}", h.deleteBrand)
	if h.inventory == nil {
		return
	}
	get(r, "/warehouses", h.warehouses)
	r.Post("/warehouses", h.createWarehouse)
	r.Put("/warehouses/{id}", h.updateWarehouse)
	r.Delete("/warehouses/{id}", h.deleteWarehouse)
	get(r, "/inventory/{product}", h.levels)
	r.Post("/inventory/adjustments", h.adjust)
}

// pathID reads a positive integer path parameter; anything else names
// nothing there is, so it is not found.
func pathID(r *http.Request, name, what string) (int64, error) {
	n, err := strconv.ParseInt(chi.URLParam(r, name), 10, 64)
	if err != nil || n <= 0 {
		return 0, commerce.NotFound("rest."+name, what)
	}
	return n, nil
}

// money reads an amount of the store's currency, such as 12990 or 19.99.
type money struct {
	bad   *commerce.Fields
	cur   commerce.Currency
	field string
}

func (m money) read(field string, n numberIn) commerce.Money {
	d, err := decimal.NewFromString(string(n))
	if err != nil {
		m.bad.Add(m.field+field, "debe ser un monto como 12990")
		return commerce.Zero(m.cur)
	}
	return commerce.NewMoney(d, m.cur)
}

func (m money) opt(field string, n *numberIn) *commerce.Money {
	if n == nil {
		return nil
	}
	v := m.read(field, *n)
	return &v
}

func decimalOpt(bad *commerce.Fields, field string, n *numberIn) *decimal.Decimal {
	if n == nil {
		return nil
	}
	d, err := decimal.NewFromString(string(*n))
	if err != nil {
		bad.Add(field, "debe ser un número")
		return nil
	}
	return &d
}

// productInput is what staff send to create or replace a product.
type productInput struct {
	Name             string              `json:"name"`
	Slug             string              `json:"slug"`
	Description      string              `json:"description"`
	ShortDescription string              `json:"short_description"`
	SKU              string              `json:"sku"`
	Price            numberIn            `json:"price"`
	ComparePrice     *numberIn           `json:"compare_price"`
	CostPrice        *numberIn           `json:"cost_price"`
	CategoryID       commerce.CategoryID `json:"category_id"`
	BrandID          commerce.BrandID    `json:"brand_id"`
	Weight           *numberIn           `json:"weight"`
	Dimensions       *catalog.Dimensions `json:"dimensions"`
	Active           *bool               `json:"active"`
	Featured         bool                `json:"featured"`
	MetaTitle        string              `json:"meta_title"`
	MetaDescription  string              `json:"meta_description"`
	Images           []catalog.Image     `json:"images"`
	Attributes       []catalog.Attribute `json:"attributes"`
	Variants         []variantInput      `json:"variants"`
}

// variantInput is what staff send for one variant.
type variantInput struct {
	ID           commerce.VariantID `json:"id"`
	Name         string             `json:"name"`
	SKU          string             `json:"sku"`
	Price        *numberIn          `json:"price"`
	ComparePrice *numberIn          `json:"compare_price"`
	CostPrice    *numberIn          `json:"cost_price"`
	Weight       *numberIn          `json:"weight"`
	Barcode      string             `json:"barcode"`
	Options      []catalog.Option   `json:"options"`
	Active       *bool              `json:"active"`
}

func (in variantInput) variant(bad *commerce.Fields, cur commerce.Currency,
	field string) catalog.Variant {
	m := money{bad: bad, cur: cur, field: field}
	v := catalog.Variant{ID: in.ID, Name: in.Name, SKU: in.SKU, Price: m.opt("price", in.Price),
		ComparePrice: m.opt("compare_price", in.ComparePrice),
		CostPrice:    m.opt("cost_price", in.CostPrice),
		Weight:       decimalOpt(bad, field+"weight", in.Weight), Barcode: in.Barcode,
		Options: in.Options, Active: in.Active == nil || *in.Active}
	return v
}

func (in productInput) product(cur commerce.Currency) (catalog.Product, error) {
	var bad commerce.Fields
	m := money{bad: &bad, cur: cur}
	p := catalog.Product{Name: in.Name, Slug: in.Slug, Description: in.Description,
		ShortDescription: in.ShortDescription, SKU: in.SKU, CategoryID: in.CategoryID,
		BrandID: in.BrandID, Dimensions: in.Dimensions, Active: in.Active == nil || *in.Active,
		Featured: in.Featured, MetaTitle: in.MetaTitle, MetaDescription: in.MetaDescription,
		Images: in.Images, Attributes: in.Attributes,
		ComparePrice: m.opt("compare_price", in.ComparePrice),
		CostPrice:    m.opt("cost_price", in.CostPrice),
		Weight:       decimalOpt(&bad, "weight", in.Weight)}
	if in.Price == "" {
		bad.Add("price", "es obligatorio")
	} else {
		p.Price = m.read("price", in.Price)
	}
	for i, v := range in.Variants {
		p.Variants = append(p.Variants,
			v.variant(&bad, cur, "variants["+strconv.Itoa(i)+"]."))
	}
	return p, bad.Err("rest.product")
}

// writeProduct answers with the stored product in the form of GET
// /products/{id}, as staff see it.
func (h *Handler) writeProduct(w http.ResponseWriter, r *http.Request, code int,
	id commerce.ProductID) {
	h.dir.forget()
	p, err := h.catalog.Product(r.Context(), PrincipalFrom(r.Context()),
		strconv.FormatInt(int64(id), 10))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	j := detailed(p, true)
	snap, err := h.dir.get(r.Context())
	if err == nil {
		err = h.fillRefs(r.Context(), snap, &j.productJSON, p)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Location", "/products/"+strconv.FormatInt(int64(id), 10))
	writePrivate(w, r, code, struct {
		Data productDetailJSON `json:"data"`
	}{j})
}

func (h *Handler) readProduct(r *http.Request) (catalog.Product, error) {
	var in productInput
	if err := readJSON(r, maxProductBody, &in); err != nil {
		return catalog.Product{}, err
	}
	return in.product(h.catalog.Currency())
}

func (h *Handler) createProduct(w http.ResponseWriter, r *http.Request) {
	p, err := h.readProduct(r)
	if err == nil {
		err = h.catalog.CreateProduct(r.Context(), PrincipalFrom(r.Context()), &p)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeProduct(w, r, http.StatusCreated, p.ID)
}

func (h *Handler) updateProduct(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "producto")
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	p, err := h.readProduct(r)
	if err == nil {
		p.ID = commerce.ProductID(id)
		err = h.catalog.UpdateProduct(r.Context(), PrincipalFrom(r.Context()), &p)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeProduct(w, r, http.StatusOK, p.ID)
}

func (h *Handler) deleteProduct(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "producto")
	if err == nil {
		err = h.catalog.DeleteProduct(r.Context(), PrincipalFrom(r.Context()),
			commerce.ProductID(id))
	}
	h.noContent(w, r, err)
}

// noContent answers 204, or the error.
func (h *Handler) noContent(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.dir.forget()
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) createVariant(w http.ResponseWriter, r *http.Request) {
	h.writeVariant(w, r, false)
}

func (h *Handler) updateVariant(w http.ResponseWriter, r *http.Request) {
	h.writeVariant(w, r, true)
}

func (h *Handler) writeVariant(w http.ResponseWriter, r *http.Request, update bool) {
	product, err := pathID(r, "id", "producto")
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var vid int64
	if update {
		if vid, err = pathID(r, "variant", "variante"); err != nil {
			h.writeError(w, r, err)
			return
		}
	}
	var in variantInput
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	var bad commerce.Fields
	v := in.variant(&bad, h.catalog.Currency(), "")
	if err := bad.Err("rest.variant"); err != nil {
		h.writeError(w, r, err)
		return
	}
	p, code := PrincipalFrom(r.Context()), http.StatusCreated
	if update {
		v.ID, code = commerce.VariantID(vid), http.StatusOK
		err = h.catalog.UpdateVariant(r.Context(), p, commerce.ProductID(product), &v)
	} else {
		err = h.catalog.CreateVariant(r.Context(), p, commerce.ProductID(product), &v)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeProduct(w, r, code, commerce.ProductID(product))
}

func (h *Handler) deleteVariant(w http.ResponseWriter, r *http.Request) {
	product, err := pathID(r, "id", "producto")
	var vid int64
	if err == nil {
		vid, err = pathID(r, "variant", "variante")
	}
	if err == nil {
		err = h.catalog.DeleteVariant(r.Context(), PrincipalFrom(r.Context()),
			commerce.ProductID(product), commerce.VariantID(vid))
	}
	h.noContent(w, r, err)
}

// categoryInput is what staff send for a category.
type categoryInput struct {
	ParentID    commerce.CategoryID `json:"parent_id"`
	Name        string              `json:"name"`
	Slug        string              `json:"slug"`
	Description string              `json:"description"`
	ImageURL    string              `json:"image_url"`
	Active      *bool               `json:"active"`
	SortOrder   int                 `json:"sort_order"`
}

func (h *Handler) createCategory(w http.ResponseWriter, r *http.Request) {
	h.writeCategory(w, r, 0)
}

func (h *Handler) updateCategory(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "categoría")
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeCategory(w, r, commerce.CategoryID(id))
}

func (h *Handler) writeCategory(w http.ResponseWriter, r *http.Request, id commerce.CategoryID) {
	var in categoryInput
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	c := catalog.Category{ID: id, ParentID: in.ParentID, Name: in.Name, Slug: in.Slug,
		Description: in.Description, ImageURL: in.ImageURL,
		Active: in.Active == nil || *in.Active, SortOrder: in.SortOrder}
	p, code, err := PrincipalFrom(r.Context()), http.StatusOK, error(nil)
	if id == 0 {
		code, err = http.StatusCreated, h.catalog.CreateCategory(r.Context(), p, &c)
	} else {
		err = h.catalog.UpdateCategory(r.Context(), p, &c)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.dir.forget()
	writePrivate(w, r, code, struct {
		Data catalog.Category `json:"data"`
	}{c})
}

func (h *Handler) deleteCategory(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "categoría")
	if err == nil {
		err = h.catalog.DeleteCategory(r.Context(), PrincipalFrom(r.Context()),
			commerce.CategoryID(id))
	}
	h.noContent(w, r, err)
}

// brandInput is what staff send for a brand.
type brandInput struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

func (h *Handler) createBrand(w http.ResponseWriter, r *http.Request) {
	h.writeBrand(w, r, 0)
}

func (h *Handler) updateBrand(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "marca")
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeBrand(w, r, commerce.BrandID(id))
}

func (h *Handler) writeBrand(w http.ResponseWriter, r *http.Request, id commerce.BrandID) {
	var in brandInput
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	b := catalog.Brand{ID: id, Name: in.Name, Slug: in.Slug}
	if b.Slug == "" {
		b.Slug = catalog.Slugify(b.Name)
	}
	p, code, err := PrincipalFrom(r.Context()), http.StatusOK, error(nil)
	if id == 0 {
		code, err = http.StatusCreated, h.catalog.CreateBrand(r.Context(), p, &b)
	} else {
		err = h.catalog.UpdateBrand(r.Context(), p, &b)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.dir.forget()
	writePrivate(w, r, code, struct {
		Data catalog.Brand `json:"data"`
	}{b})
}

func (h *Handler) deleteBrand(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "marca")
	if err == nil {
		err = h.catalog.DeleteBrand(r.Context(), PrincipalFrom(r.Context()),
			commerce.BrandID(id))
	}
	h.noContent(w, r, err)
}

func (h *Handler) warehouses(w http.ResponseWriter, r *http.Request) {
	ws, err := h.inventory.Warehouses(r.Context(), PrincipalFrom(r.Context()))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if ws == nil {
		ws = []inventory.Warehouse{}
	}
	writePrivate(w, r, http.StatusOK, struct {
		Data []inventory.Warehouse `json:"data"`
	}{ws})
}

// warehouseInput is what staff send for a warehouse.
type warehouseInput struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Address string `json:"address"`
	Active  *bool  `json:"active"`
}

func (h *Handler) createWarehouse(w http.ResponseWriter, r *http.Request) {
	h.writeWarehouse(w, r, 0)
}

func (h *Handler) updateWarehouse(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "bodega")
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeWarehouse(w, r, commerce.WarehouseID(id))
}

func (h *Handler) writeWarehouse(w http.ResponseWriter, r *http.Request,
	id commerce.WarehouseID) {
	var in warehouseInput
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	wh := inventory.Warehouse{ID: id, Code: in.Code, Name: in.Name, Address: in.Address,
		Active: in.Active == nil || *in.Active}
	p, code, err := PrincipalFrom(r.Context()), http.StatusOK, error(nil)
	if id == 0 {
		code, err = http.StatusCreated, h.inventory.CreateWarehouse(r.Context(), p, &wh)
	} else {
		err = h.inventory.UpdateWarehouse(r.Context(), p, &wh)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePrivate(w, r, code, struct {
		Data inventory.Warehouse `json:"data"`
	}{wh})
}

// deleteWarehouse serves DELETE /warehouses/{id}: it deactivates the
// warehouse, whose stock history stays.
func (h *Handler) deleteWarehouse(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "bodega")
	if err == nil {
		_, err = h.inventory.DeactivateWarehouse(r.Context(), PrincipalFrom(r.Context()),
			commerce.WarehouseID(id))
	}
	h.noContent(w, r, err)
}

// levels serves GET /inventory/{product}: the stock of a product in every
// warehouse, for staff.
func (h *Handler) levels(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "product", "producto")
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	ls, err := h.inventory.Levels(r.Context(), PrincipalFrom(r.Context()),
		commerce.ProductID(id))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if ls == nil {
		ls = []inventory.Level{}
	}
	writePrivate(w, r, http.StatusOK, struct {
		Data []inventory.Level `json:"data"`
	}{ls})
}

// adjustmentInput is a change of stock in one warehouse, with its reason.
type adjustmentInput struct {
	ProductID   commerce.ProductID   `json:"product_id"`
	VariantID   commerce.VariantID   `json:"variant_id"`
	WarehouseID commerce.WarehouseID `json:"warehouse_id"`
	Delta       int                  `json:"delta"`
	Reason      inventory.Reason     `json:"reason"`
	Note        string               `json:"note"`
}

// adjust serves POST /inventory/adjustments. The adjustment is kept with
// its actor, time and reason: the audit trail of the stock.
func (h *Handler) adjust(w http.ResponseWriter, r *http.Request) {
	var in adjustmentInput
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	l, err := h.inventory.Adjust(r.Context(), PrincipalFrom(r.Context()), inventory.Adjustment{
		ProductID: in.ProductID, VariantID: in.VariantID, WarehouseID: in.WarehouseID,
		Delta: in.Delta, Reason: in.Reason, Note: in.Note})
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePrivate(w, r, http.StatusCreated, struct {
		Data inventory.Level `json:"data"`
	}{l})
}
