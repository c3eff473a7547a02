package memory_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/search/memory"
	"github.com/ecommerce-moderno/moderno/search/searchtest"
)

func TestContract(t *testing.T) {
	searchtest.Run(t, func(t *testing.T, cfg searchtest.Config) searchtest.Engine {
		return memory.New(memory.Config{Synonyms: cfg.Synonyms, PriceRanges: cfg.PriceRanges})
	})
}
