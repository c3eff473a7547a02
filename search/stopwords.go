package search

import "slices"

// stopWords holds the folded Spanish stop words of Snowball's list that
// product text uses, and the English ones of product names. "sin" and "no"
// are kept out on purpose: "leche sin lactosa" is not "leche con lactosa".
var stopWords = setOf(
	// Spanish.
	"de", "la", "que", "el", "en", "y", "a", "los", "del", "se", "las", "por", "un",
	"para", "con", "una", "su", "al", "lo", "como", "mas", "pero", "sus", "le", "ya",
	"o", "u", "este", "si", "porque", "esta", "entre", "cuando", "muy", "sobre",
	"tambien", "me", "hasta", "hay", "donde", "quien", "desde", "todo", "nos",
	"durante", "todos", "uno", "les", "ni", "contra", "otros", "ese", "eso", "ante",
	"ellos", "e", "esto", "mi", "antes", "algunos", "que", "unos", "yo", "otro",
	"otras", "otra", "el", "tanto", "esa", "estos", "mucho", "quienes", "nada",
	"muchos", "cual", "poco", "ella", "estar", "estas", "algunas", "algo",
	"nosotros", "mis", "tu", "ti", "tus", "ellas", "os", "esos", "esas",
	"es", "son", "sea", "era", "fue", "ser", "tiene", "tienen", "ha", "han",
	// English.
	"the", "an", "and", "or", "of", "for", "with", "to", "in", "on", "by", "at",
	"from", "is", "are", "it", "its", "this", "that", "your", "you", "our",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// StopWords returns the folded stop words, sorted, for engines that remove
// them themselves.
func StopWords() []string {
	words := make([]string, 0, len(stopWords))
	for w := range stopWords {
		words = append(words, w)
	}
	slices.Sort(words)
	return words
}
