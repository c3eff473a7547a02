package mysql_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

func BenchmarkList(b *testing.B) {
	storagetest.Bench(b, open)
}
