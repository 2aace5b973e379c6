// Package lookup finds gazetteer entities by what an editor types: a whole
// name ("Putin" → per/wladimir-putin) or the start of one ("münch" →
// München), folded the way the tagger folds names and tolerant of one typo.
package lookup

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// Index holds every name and every word of every name of a gazetteer,
// folded and sorted, for prefix search.
type Index struct {
	g     *gazetteer.Gazetteer
	keys  string   // the folded names, each ended by '\n' (which no name holds), in entity and alias order
	first []uint32 // by entity: where the key of its first name starts in keys
	names []entry  // sorted by key
}

// entry is one key: a whole folded name or its suffix from a later word,
// which is keys[entry:] up to the next '\n'. It is an offset rather than a
// string, so that the millions of entries of a large gazetteer cost 4
// bytes each and nothing for the GC to scan; the entity is found from it
// (see ent).
type entry uint32

func (ix *Index) key(e entry) string {
	k := ix.keys[e:]
	return k[:strings.IndexByte(k, '\n')]
}

// ent returns the index of e's entity in g.Entities: the last entity whose
// keys start at or before e.
func (ix *Index) ent(e entry) int32 {
	i, _ := slices.BinarySearch(ix.first, uint32(e)+1)
	return int32(i - 1)
}

// whole reports whether e's key is a whole name, not a later word of one.
func (ix *Index) whole(e entry) bool { return e == 0 || ix.keys[e-1] == '\n' }

// alias returns the index of e's name in the Aliases of entity ent.
func (ix *Index) alias(e entry, ent int32) int {
	return strings.Count(ix.keys[ix.first[ent]:e], "\n")
}

// New indexes the names of g.
func New(g *gazetteer.Gazetteer) *Index {
	ix := &Index{g: g}
	count := ix.foldNames()
	var start [257]int // names[start[c]:start[c+1]]: the entries whose keys begin with byte c
	for c, n := range count {
		start[c+1] = start[c] + n
	}
	ix.names = make([]entry, start[256])
	next := start
	for s := 0; s < len(ix.keys); {
		end := s + strings.IndexByte(ix.keys[s:], '\n')
		ix.add(s, end, &next)
		s = end + 1
	}
	// Keys lie in entity order: equal keys come in entity order.
	sortNames(ix.keys, ix.names, &start)
	return ix
}

// foldNames folds every alias into ix.keys, notes where each entity's
// keys start, and counts the entries the keys make by their first byte.
func (ix *Index) foldNames() (count [256]int) {
	size := 0
	for _, e := range ix.g.Entities {
		for _, a := range e.Aliases() {
			size += len(a.Text) + 1
		}
	}
	if size >= math.MaxUint32/2 {
		panic("lookup: the names of the gazetteer exceed 2 GB")
	}
	var keys strings.Builder
	keys.Grow(size + size/16) // folding rarely lengthens a name
	ix.first = make([]uint32, len(ix.g.Entities))
	var buf []byte
	for i, e := range ix.g.Entities {
		ix.first[i] = uint32(keys.Len())
		for _, a := range e.Aliases() {
			buf = fold.AppendKey(buf[:0], a.Text)
			keys.Write(buf)
			keys.WriteByte('\n')
			countEntries(buf, &count)
		}
	}
	ix.keys = keys.String()
	return count
}

// countEntries counts the entries add makes of key by their first byte.
func countEntries(key []byte, count *[256]int) {
	for i := range key {
		if i == 0 || key[i-1] == ' ' || key[i-1] == '-' {
			count[key[i]]++
		}
	}
}

// add registers the name whose key is ix.keys[start:end] under the key and
// under each later word, so that "putin" finds "Wladimir Putin": each at
// next[its first byte].
func (ix *Index) add(start, end int, next *[257]int) {
	for i := start; i < end; i++ {
		if i == start || ix.keys[i-1] == ' ' || ix.keys[i-1] == '-' {
			c := ix.keys[i]
			ix.names[next[c]] = entry(i)
			next[c]++
		}
	}
}

// Resolve returns the entity an editor means by name: the entity whose name
// or alias folds to the same key, the most popular one when several do; or,
// failing that, the one entity whose name ends in that word ("Putin").
func (ix *Index) Resolve(name string) (*gazetteer.Entity, bool) {
	key := fold.Key(name)
	if key == "" {
		return nil, false
	}
	var whole, part *gazetteer.Entity
	partCount := 0
	for i := ix.lower(key); i < len(ix.names) && ix.key(ix.names[i]) == key; i++ {
		e := ix.g.Entities[ix.ent(ix.names[i])]
		if ix.whole(ix.names[i]) {
			if whole == nil || e.Prior > whole.Prior {
				whole = e
			}
			continue
		}
		if part == nil || part.ID() != e.ID() {
			partCount++
			if part == nil || e.Prior > part.Prior {
				part = e
			}
		}
	}
	if whole != nil {
		return whole, true
	}
	return part, part != nil && partCount == 1
}

func (ix *Index) lower(key string) int {
	return sort.Search(len(ix.names), func(i int) bool { return ix.key(ix.names[i]) >= key })
}

// Suggestion is one entity whose name starts with the typed prefix.
type Suggestion struct {
	Entity  *gazetteer.Entity
	Matched string // the name that matched
}

// Suggest returns up to limit entities of type typ (Unknown for any) with a
// name or a word of a name starting with prefix, best first: exact prefix
// before one-typo matches, then names that are the prefix exactly
// ("bayern" → Bayern, FC Bayern München before Bayern-SPD), then names in
// which the prefix is a complete word ("Merz" → Friedrich Merz before
// Merzig), then whole names before later words, then by popularity and
// shortness.
func (ix *Index) Suggest(prefix string, limit int, typ tagging.Type) []Suggestion {
	key := fold.Key(prefix)
	if key == "" || limit <= 0 {
		return nil
	}
	c := collector{ix: ix, typ: typ, seen: map[int32]int{}}
	for _, e := range ix.names[ix.lower(key):] {
		k := ix.key(e)
		if !strings.HasPrefix(k, key) {
			break
		}
		c.add(e, 0, completes(k, key), k == key)
	}
	if len(c.found) < limit && len([]rune(key)) >= 4 {
		for _, e := range ix.names {
			if k := ix.key(e); !strings.HasPrefix(k, key) && withinOneEdit(key, k) {
				c.add(e, 1, false, false)
			}
		}
	}
	return c.best(limit)
}

type collector struct {
	ix    *Index
	typ   tagging.Type
	seen  map[int32]int // entity -> its index in found
	found []scored
}

type scored struct {
	Suggestion
	edits int
	exact bool // the prefix is the whole name (or its last words)
	word  bool // the prefix is a complete word of the name
	whole bool
	ent   int32
	alias int
}

// add records a name of an entity; of several names of one entity the
// best stays (see closer), whatever order the index holds them in.
func (c *collector) add(e entry, edits int, word, exact bool) {
	ei := c.ix.ent(e)
	ent := c.ix.g.Entities[ei]
	if c.typ != tagging.Unknown && ent.Type != c.typ {
		return
	}
	alias, whole := c.ix.alias(e, ei), c.ix.whole(e)
	s := scored{Suggestion{ent, ent.Alias(alias).Text}, edits, exact && whole, word, whole, ei, alias}
	if i, ok := c.seen[ei]; ok {
		if closer(&s, &c.found[i]) {
			c.found[i] = s
		}
		return
	}
	c.seen[ei] = len(c.found)
	c.found = append(c.found, s)
}

// closer orders two names of one entity: fewer edits, the prefix a whole
// word, the whole name rather than a later word, shorter, earlier alias.
func closer(a, b *scored) bool {
	switch {
	case a.edits != b.edits:
		return a.edits < b.edits
	case a.exact != b.exact:
		return a.exact
	case a.word != b.word:
		return a.word
	case a.whole != b.whole:
		return a.whole
	case len(a.Matched) != len(b.Matched):
		return len(a.Matched) < len(b.Matched)
	}
	return a.alias < b.alias
}

func (c *collector) best(limit int) []Suggestion {
	sort.SliceStable(c.found, func(i, j int) bool {
		a, b := &c.found[i], &c.found[j]
		switch {
		case a.edits != b.edits:
			return a.edits < b.edits
		case a.exact != b.exact:
			return a.exact // "bayern": Bayern and FC Bayern (alias Bayern) before Bayern-SPD
		case a.word != b.word:
			return a.word
		case a.whole != b.whole:
			return a.whole
		case a.Entity.Prior != b.Entity.Prior:
			return a.Entity.Prior > b.Entity.Prior
		case len(a.Matched) != len(b.Matched):
			return len(a.Matched) < len(b.Matched)
		}
		return a.ent < b.ent
	})
	out := make([]Suggestion, 0, min(limit, len(c.found)))
	for i := 0; i < len(c.found) && i < limit; i++ {
		out = append(out, c.found[i].Suggestion)
	}
	return out
}

// withinOneEdit reports whether some prefix of name is at most one edit
// (insertion, deletion, substitution of a rune) away from typed. It works
// on the UTF-8 bytes without converting to runes: the typo search calls it
// for every name in the gazetteer.
func withinOneEdit(typed, name string) bool {
	i := 0
	for i < len(typed) && i < len(name) && typed[i] == name[i] {
		i++
	}
	for i > 0 && i < len(typed) && !utf8.RuneStart(typed[i]) {
		i-- // back to the start of the rune that differs
	}
	if i == len(typed) {
		return true
	}
	_, st := utf8.DecodeRuneInString(typed[i:])
	sn := 0
	if i < len(name) {
		_, sn = utf8.DecodeRuneInString(name[i:])
	}
	rest := typed[i+st:]
	return strings.HasPrefix(name[i+sn:], rest) || // substitution
		strings.HasPrefix(name[i:], rest) || // typed has an extra rune
		(sn > 0 && strings.HasPrefix(name[i+sn:], typed[i:])) // typed lacks a rune
}

// completes reports whether prefix ends at a word boundary of key.
func completes(key, prefix string) bool {
	return len(key) == len(prefix) || key[len(prefix)] == ' ' || key[len(prefix)] == '-'
}
