package memory

import (
	"slices"
	"strings"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// The fields of a document, each with its own weight in scoring.
const (
	fName = iota
	fBrand
	fCategory
	fDescription
	fOther // SKU and attribute values
	nFields
)

// fieldWeight is how much a match in each field counts.
var fieldWeight = [nFields]float64{fName: 3, fBrand: 2, fCategory: 1.5, fDescription: 1,
	fOther: 0.5}

// noPos marks a posting whose term is not in the name.
const noPos = 255

// posting is one document holding a term: how often in each field, and the
// term's first position in the name.
type posting struct {
	slot int32
	tf   [nFields]uint8
	pos  uint8
}

// entry is one document in the index with what filters and facets read.
type entry struct {
	doc    search.Document
	price  int64
	lens   [nFields]uint16
	cats   []int32 // dense category numbers of the path
	brand  int32   // dense brand number, -1 for none
	band   int8    // price range number, -1 for none
	attrs  []string
	folded string // the name folded, for suggestions
	dead   bool
}

// shape keys the vocabulary for typo lookups: one letter of a word and its
// length in bytes.
type shape struct {
	letter byte
	n      int
}

// shapes returns the keys of a word by its first and its second letter.
func shapes(w string) (first, second shape) {
	first = shape{w[0], len(w)}
	if len(w) > 1 {
		second = shape{w[1], len(w)}
	}
	return first, second
}

// word is one folded word of the vocabulary.
type word struct {
	term string
	df   int
}

// category is what a facet shows of a category.
type category struct {
	id     commerce.CategoryID
	parent commerce.CategoryID
	name   string
	words  []string // the name's words, as search.Words gives them
	stems  []string // search.Stem of each word, made once rather than per search
	docs   int
}

// segment is a whole inverted index. It is not safe for concurrent use;
// Index guards it.
type segment struct {
	ranges   []search.PriceRange
	docs     []entry
	slots    map[commerce.ProductID]int32
	postings map[string][]posting
	vocab    map[string]*word
	sorted   []string           // the vocabulary in order, for prefixes
	byFirst  map[shape][]string // the vocabulary by first letter and length, for typos
	bySecond map[shape][]string // and by second letter and length
	lenSum   [nFields]float64
	live     int
	dead     int

	catNum   map[commerce.CategoryID]int32
	cats     []category
	brandNum map[commerce.BrandID]int32
	brands   []search.BrandCount
}

func newSegment(ranges []search.PriceRange) *segment {
	return &segment{
		ranges: ranges, slots: map[commerce.ProductID]int32{},
		postings: map[string][]posting{}, vocab: map[string]*word{},
		byFirst: map[shape][]string{}, bySecond: map[shape][]string{},
		catNum: map[commerce.CategoryID]int32{}, brandNum: map[commerce.BrandID]int32{},
	}
}

// add indexes documents, replacing those with the same id.
func (s *segment) add(docs ...search.Document) {
	var fresh []string
	for _, d := range docs {
		s.remove(d.ID)
		fresh = s.addOne(d, fresh)
	}
	s.mergeWords(fresh)
}

// remove marks a document dead; its postings stay until compaction.
func (s *segment) remove(id commerce.ProductID) {
	slot, ok := s.slots[id]
	if !ok {
		return
	}
	e := &s.docs[slot]
	e.dead = true
	delete(s.slots, id)
	for f := range e.lens {
		s.lenSum[f] -= float64(e.lens[f])
	}
	for _, c := range e.cats {
		s.cats[c].docs--
	}
	s.live--
	s.dead++
}

// addOne indexes one document and returns fresh with the words it added to
// the vocabulary.
func (s *segment) addOne(d search.Document, fresh []string) []string {
	slot := int32(len(s.docs))
	e := entry{doc: d, price: d.Price.Minor(), brand: -1, band: -1,
		folded: strings.Join(search.Words(d.Name), " ")}
	e.cats, e.brand = s.number(d)
	e.band = s.band(e.price)
	for _, a := range d.Attributes {
		e.attrs = append(e.attrs, attrKey(a.Name, a.Value))
	}

	terms := map[string]*posting{}
	for f, text := range fieldTexts(d) {
		tokens := s.analyze(text)
		e.lens[f] = uint16(min(len(tokens), 65535))
		s.lenSum[f] += float64(e.lens[f])
		for i, t := range tokens {
			p := terms[t.Term]
			if p == nil {
				p = &posting{slot: slot, pos: noPos}
				terms[t.Term] = p
				fresh = s.count(t, fresh)
			}
			if p.tf[f] < 255 {
				p.tf[f]++
			}
			if f == fName && p.pos == noPos {
				p.pos = uint8(min(i, noPos-1))
			}
		}
	}
	for term, p := range terms {
		s.postings[term] = append(s.postings[term], *p)
	}
	s.docs = append(s.docs, e)
	s.slots[d.ID] = slot
	s.live++
	return fresh
}

// analyze is search.Analyze with the stems of known words looked up rather
// than computed again.
func (s *segment) analyze(text string) []search.Token {
	words := search.Words(text)
	tokens := make([]search.Token, 0, len(words))
	for i, w := range words {
		if search.IsStopWord(w) {
			continue
		}
		t := search.Token{Word: w, Pos: i}
		if known := s.vocab[w]; known != nil {
			t.Term = known.term
		} else {
			t.Term = search.Stem(w)
		}
		tokens = append(tokens, t)
	}
	return tokens
}

// count adds a token's word to the vocabulary, or counts one more document
// holding it, and returns fresh with the word when it is new.
func (s *segment) count(t search.Token, fresh []string) []string {
	w := s.vocab[t.Word]
	if w == nil {
		w = &word{term: t.Term}
		s.vocab[t.Word] = w
		first, second := shapes(t.Word)
		s.byFirst[first] = append(s.byFirst[first], t.Word)
		s.bySecond[second] = append(s.bySecond[second], t.Word)
		fresh = append(fresh, t.Word)
	}
	w.df++
	return fresh
}

// mergeWords adds new words to the sorted vocabulary.
func (s *segment) mergeWords(fresh []string) {
	if len(fresh) == 0 {
		return
	}
	slices.Sort(fresh)
	merged := make([]string, 0, len(s.sorted)+len(fresh))
	i, j := 0, 0
	for i < len(s.sorted) || j < len(fresh) {
		if j == len(fresh) || (i < len(s.sorted) && s.sorted[i] < fresh[j]) {
			merged = append(merged, s.sorted[i])
			i++
		} else {
			merged = append(merged, fresh[j])
			j++
		}
	}
	s.sorted = merged
}

// fieldTexts returns a document's text by field. Words seen once in
// several fields, such as a brand repeated in the name, count in each.
func fieldTexts(d search.Document) [nFields]string {
	var t [nFields]string
	t[fName], t[fBrand], t[fDescription] = d.Name, d.Brand, d.Description
	names := make([]string, len(d.CategoryPath))
	for i, c := range d.CategoryPath {
		names[i] = c.Name
	}
	t[fCategory] = strings.Join(names, " ")
	other := append([]string{d.SKU}, d.Codes...)
	for _, a := range d.Attributes {
		other = append(other, a.Value)
	}
	t[fOther] = strings.Join(other, " ")
	return t
}

// number gives the document's categories and brand their dense numbers.
func (s *segment) number(d search.Document) ([]int32, int32) {
	cats := make([]int32, 0, len(d.CategoryPath))
	var parent commerce.CategoryID
	for _, c := range d.CategoryPath {
		n, ok := s.catNum[c.ID]
		if !ok {
			n = int32(len(s.cats))
			s.catNum[c.ID] = n
			s.cats = append(s.cats, category{id: c.ID})
		}
		s.cats[n].parent = parent
		if !ok || s.cats[n].name != c.Name {
			s.cats[n].name, s.cats[n].words = c.Name, search.Words(c.Name)
			s.cats[n].stems = stems(s.cats[n].words)
		}
		s.cats[n].docs++
		cats = append(cats, n)
		parent = c.ID
	}
	if d.BrandID == 0 {
		return cats, -1
	}
	b, ok := s.brandNum[d.BrandID]
	if !ok {
		b = int32(len(s.brands))
		s.brandNum[d.BrandID] = b
		s.brands = append(s.brands, search.BrandCount{ID: d.BrandID})
	}
	s.brands[b].Name = d.Brand
	return cats, b
}

func (s *segment) band(price int64) int8 {
	for i, r := range s.ranges {
		if r.Contains(price) {
			return int8(i)
		}
	}
	return -1
}

func attrKey(name, value string) string {
	return strings.Join(search.Words(name), " ") + "\x00" + strings.Join(search.Words(value), " ")
}

// avgLen returns the mean length of a field over live documents.
func (s *segment) avgLen(f int) float64 {
	if s.live == 0 || s.lenSum[f] <= 0 {
		return 1
	}
	return s.lenSum[f] / float64(s.live)
}

// compacted returns a new segment holding only the live documents.
func (s *segment) compacted() *segment {
	n := newSegment(s.ranges)
	docs := make([]search.Document, 0, s.live)
	for _, e := range s.docs {
		if !e.dead {
			docs = append(docs, e.doc)
		}
	}
	n.add(docs...)
	return n
}
