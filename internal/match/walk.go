package match

import "github.com/schlagwort/schlagwort/internal/token"

// Match is an alias found in the text.
type Match struct {
	Start, End int    // token indexes into the units, half-open
	Node       uint32 // trie node where the alias ends
	Cost       int    // 0 for an exact reading; more for inflected or loose ones
	Forms      Form   // the costliest reading used (Exact, Declined or Loose)
}

// Longest returns the longest alias starting at unit i that has at least
// one target fitting the text (see Fits); among equally long ones the
// cheapest. A match never crosses a sentence start.
func (ix *Index) Longest(units []Unit, i int) (Match, bool) {
	best := Match{Start: i, End: -1}
	ix.walk(units, i, i, 0, 0, Exact, &best)
	return best, best.End > i
}

func (ix *Index) walk(units []Unit, start, j int, node uint32, cost int, forms Form, best *Match) {
	if j > start && ix.fitsAny(node, units, start, j) {
		if j > best.End || j == best.End && cost < best.Cost {
			*best = Match{Start: start, End: j, Node: node, Cost: cost, Forms: forms}
		}
	}
	if j >= len(units) || j > start && units[j].Tok.Is(token.SentenceStart) {
		return
	}
	u := &units[j]
	for a := 0; a < int(u.N); a++ {
		alt := u.Alts[a]
		child, ok := ix.step(node, alt.ID)
		if !ok {
			continue
		}
		ix.walk(units, start, j+1, child, cost+int(alt.Form), max(forms, alt.Form), best)
	}
}

func (ix *Index) fitsAny(node uint32, units []Unit, start, end int) bool {
	for _, t := range ix.at(node) {
		if Fits(t, units[start:end]) {
			return true
		}
	}
	return false
}

// Targets returns the targets of m that fit the text.
func (ix *Index) Targets(dst []Target, m Match, units []Unit) []Target {
	dst = dst[:0]
	for _, t := range ix.at(m.Node) {
		if Fits(t, units[m.Start:m.End]) {
			dst = append(dst, t)
		}
	}
	return dst
}

// Fits reports whether the text tokens have the case the alias demands:
// capitalised alias words must be capitalised in the text, acronyms must
// be in capitals (WHO is not "who").
func Fits(t Target, span []Unit) bool {
	if int(t.Len) != len(span) {
		return false
	}
	for i := range span {
		tok := span[i].Tok
		if t.Upper&(1<<i) != 0 && !tok.Is(token.Upper) {
			return false
		}
		if t.Flags&Acronym != 0 && tok.Kind == token.Word && !tok.Is(token.AllUpper) {
			return false
		}
	}
	return true
}
