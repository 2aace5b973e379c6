// Package lookup finds gazetteer entities by what an editor types: a whole
// name ("Putin" → per/wladimir-putin) or the start of one ("münch" →
// München), folded the way the tagger folds names and tolerant of one typo.
package lookup

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// Index holds every name and every word of every name of a gazetteer,
// folded and sorted, for prefix search.
type Index struct {
	g     *gazetteer.Gazetteer
	names []entry // sorted by key
}

type entry struct {
	key   string // folded name or folded suffix starting at a word
	name  string // the name as written
	ent   int32  // index into g.Entities
	whole bool   // key is the whole name, not a later word of it
}

// New indexes the names of g.
func New(g *gazetteer.Gazetteer) *Index {
	ix := &Index{g: g}
	for i, e := range g.Entities {
		for _, a := range e.Aliases {
			ix.add(a.Text, int32(i))
		}
	}
	slices.SortFunc(ix.names, func(a, b entry) int {
		return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.ent, b.ent))
	})
	return ix
}

// add registers name under its folded key and under each later word, so
// that "putin" finds "Wladimir Putin".
func (ix *Index) add(name string, ent int32) {
	key := fold.Key(name)
	if key == "" {
		return
	}
	ix.names = append(ix.names, entry{key: key, name: name, ent: ent, whole: true})
	for i := 0; i < len(key); i++ {
		if (key[i] == ' ' || key[i] == '-') && i+1 < len(key) {
			ix.names = append(ix.names, entry{key: key[i+1:], name: name, ent: ent})
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
	for i := ix.lower(key); i < len(ix.names) && ix.names[i].key == key; i++ {
		e := ix.g.Entities[ix.names[i].ent]
		if ix.names[i].whole {
			if whole == nil || e.Prior > whole.Prior {
				whole = e
			}
			continue
		}
		if part == nil || part.ID != e.ID {
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
	return sort.Search(len(ix.names), func(i int) bool { return ix.names[i].key >= key })
}

// Suggestion is one entity whose name starts with the typed prefix.
type Suggestion struct {
	Entity  *gazetteer.Entity
	Matched string // the name that matched
}

// Suggest returns up to limit entities of type typ (Unknown for any) with a
// name or a word of a name starting with prefix, best first: exact prefix
// before one-typo matches, then names in which the prefix is a complete word
// ("Merz" → Friedrich Merz before Merzig), then whole names before later
// words, then by popularity and shortness.
func (ix *Index) Suggest(prefix string, limit int, typ tagging.Type) []Suggestion {
	key := fold.Key(prefix)
	if key == "" || limit <= 0 {
		return nil
	}
	c := collector{ix: ix, typ: typ, seen: map[int32]bool{}}
	for i := ix.lower(key); i < len(ix.names) && strings.HasPrefix(ix.names[i].key, key); i++ {
		c.add(ix.names[i], 0, completes(ix.names[i].key, key))
	}
	if len(c.found) < limit && len([]rune(key)) >= 4 {
		for _, e := range ix.names {
			if !strings.HasPrefix(e.key, key) && withinOneEdit(key, e.key) {
				c.add(e, 1, false)
			}
		}
	}
	return c.best(limit)
}

type collector struct {
	ix    *Index
	typ   tagging.Type
	seen  map[int32]bool
	found []scored
}

type scored struct {
	Suggestion
	edits int
	word  bool // the prefix is a complete word of the name
	whole bool
	ent   int32
}

func (c *collector) add(e entry, edits int, word bool) {
	ent := c.ix.g.Entities[e.ent]
	if c.seen[e.ent] || (c.typ != tagging.Unknown && ent.Type != c.typ) {
		return
	}
	c.seen[e.ent] = true
	c.found = append(c.found, scored{Suggestion{ent, e.name}, edits, word, e.whole, e.ent})
}

func (c *collector) best(limit int) []Suggestion {
	sort.SliceStable(c.found, func(i, j int) bool {
		a, b := &c.found[i], &c.found[j]
		switch {
		case a.edits != b.edits:
			return a.edits < b.edits
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
// (insertion, deletion, substitution) away from typed.
func withinOneEdit(typed, name string) bool {
	t, n := []rune(typed), []rune(name)
	i := 0
	for i < len(t) && i < len(n) && t[i] == n[i] {
		i++
	}
	if i == len(t) {
		return true
	}
	rest := t[i+1:]
	return hasPrefix(n[min(i+1, len(n)):], rest) || // substitution
		hasPrefix(n[i:], rest) || // typed has an extra rune
		(i+1 <= len(n) && hasPrefix(n[i+1:], t[i:])) // typed lacks a rune
}

func hasPrefix(s, p []rune) bool {
	if len(p) > len(s) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

// completes reports whether prefix ends at a word boundary of key.
func completes(key, prefix string) bool {
	return len(key) == len(prefix) || key[len(prefix)] == ' ' || key[len(prefix)] == '-'
}
