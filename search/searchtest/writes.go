package searchtest

import (
	"context"
	"errors"
	"testing"

	"github.com/ecommerce-moderno/moderno/search"
)

func testWrites(t *testing.T, e Engine) {
	ctx := context.Background()
	t.Run("update shows at once", func(t *testing.T) {
		doc := Documents()[idCamion-1]
		doc.Name = "Tractor de Juguete Granja"
		doc.Description = ""
		if err := e.Index(ctx, doc); err != nil {
			t.Fatalf("Index(renamed) = %v", err)
		}
		expectFound(t, e, "tractor", idCamion)
		expectNotFound(t, e, "camion", idCamion)
	})
	t.Run("indexing twice keeps one", func(t *testing.T) {
		doc := Documents()[idCoca-1]
		for range 2 {
			if err := e.Index(ctx, doc); err != nil {
				t.Fatalf("Index(coca) = %v", err)
			}
		}
		if res := MustSearch(t, e, text("coca cola")); res.Total != 1 {
			t.Errorf("Search(coca cola).Total = %d; want 1", res.Total)
		}
	})
	t.Run("delete", func(t *testing.T) {
		if err := e.Delete(ctx, idYogur); err != nil {
			t.Fatalf("Delete(yogur) = %v", err)
		}
		expectNotFound(t, e, "yogur", idYogur)
		if err := e.Delete(ctx, idYogur, 9999); err != nil {
			t.Errorf("Delete(missing) = %v; want nil", err)
		}
		res := MustSearch(t, e, search.Query{Limit: search.MaxLimit})
		if res.Total != len(items)-1 {
			t.Errorf("Total after delete = %d; want %d", res.Total, len(items)-1)
		}
	})
}

// testRebuild checks an engine that can rebuild: searches are answered
// during the rebuild, writes made meanwhile survive, and documents the fill
// leaves out are gone.
func testRebuild(t *testing.T, e Engine) {
	rb, ok := e.(search.Rebuilder)
	if !ok {
		t.Skip("the engine does not rebuild")
	}
	ctx := context.Background()
	docs := Documents()
	late := docs[idTV-1]
	late.Name = "Samsung Smart TV Televisor 55 pulgadas Nuevo"
	err := rb.Rebuild(ctx, func(ctx context.Context, emit func(...search.Document) error) error {
		if err := emit(docs[:idCafe]...); err != nil {
			return err
		}
		expectFound(t, e, "panales", idPanales) // the old index still answers
		return e.Index(ctx, late)               // a write during the rebuild
	})
	if err != nil {
		t.Fatalf("Rebuild = %v", err)
	}
	expectFound(t, e, "cafe", idCafe)
	expectFound(t, e, "pulgadas nuevo", idTV)
	expectNotFound(t, e, "panales", idPanales)

	boom := errors.New("database down")
	err = rb.Rebuild(ctx, func(context.Context, func(...search.Document) error) error { return boom })
	if !errors.Is(err, boom) {
		t.Errorf("Rebuild(failing) = %v; want %v", err, boom)
	}
	expectFound(t, e, "cafe", idCafe)
}
