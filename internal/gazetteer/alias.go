package gazetteer

import (
	"fmt"
	"iter"
	"strings"
)

// Alias is one name of an entity.
type Alias struct {
	Text   string
	Common bool // also an everyday word: needs evidence from the context
}

// The names of an entity are stored in one string, each followed by a
// byte that no name holds (a record cannot: a tab ends a field and a line
// break a record) and that tells whether the name is common.
const (
	endPlain  = '\t'
	endCommon = '\n'
)

// Name returns the canonical German name, the first alias ("" for none).
func (e *Entity) Name() string { return e.Alias(0).Text }

// Aliases returns the names of e with their indexes: the name first, then
// those of the aliases= field.
func (e *Entity) Aliases() iter.Seq2[int, Alias] {
	return func(yield func(int, Alias) bool) {
		rest := e.names()
		for i := 0; rest != ""; i++ {
			var a Alias
			a, rest = nextAlias(rest)
			if !yield(i, a) {
				return
			}
		}
	}
}

// nextAlias splits the first name off names. (A loop: strings.IndexAny
// cost the tagger 2 % of its time.)
func nextAlias(names string) (Alias, string) {
	n := 0
	for names[n] != endPlain && names[n] != endCommon {
		n++
	}
	return Alias{Text: names[:n], Common: names[n] == endCommon}, names[n+1:]
}

// Alias returns the i-th name, the zero Alias if e has fewer.
func (e *Entity) Alias(i int) Alias {
	rest := e.names()
	for ; rest != ""; i-- {
		var a Alias
		if a, rest = nextAlias(rest); i == 0 {
			return a
		}
	}
	return Alias{}
}

// NumAliases returns the number of names.
func (e *Entity) NumAliases() int {
	names := e.names()
	return strings.Count(names, "\t") + strings.Count(names, "\n")
}

// AddAlias appends a name. Its text must not hold a tab or a line break.
func (e *Entity) AddAlias(a Alias) { e.text = string(appendAlias([]byte(e.text), a)) }

// SetAlias replaces the i-th name, which must exist.
func (e *Entity) SetAlias(i int, a Alias) {
	if i < 0 || i >= e.NumAliases() {
		panic(fmt.Sprintf("gazetteer: %s has no alias %d", e.ID(), i))
	}
	b := []byte(e.text[:e.namesAt()])
	for j, old := range e.Aliases() {
		if j == i {
			old = a
		}
		b = appendAlias(b, old)
	}
	e.text = string(b)
}

// appendAlias appends the stored form of a to b.
func appendAlias(b []byte, a Alias) []byte {
	if strings.ContainsAny(a.Text, "\t\n") {
		panic(fmt.Sprintf("gazetteer: alias %q holds a tab or a line break", a.Text))
	}
	return appendName(b, a)
}

// appendName is appendAlias for a name that holds neither, as a parsed
// one cannot.
func appendName(b []byte, a Alias) []byte {
	end := byte(endPlain)
	if a.Common {
		end = endCommon
	}
	return append(append(b, a.Text...), end)
}
