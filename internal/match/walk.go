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
	ix.walk(units, i, i, 0, 0, Exact, Alt{}, &best)
	return best, best.End > i
}

func (ix *Index) walk(units []Unit, start, j int, node uint32, cost int, forms Form, last Alt, best *Match) {
	if j > start && ix.endingFits(units, start, last) {
		if form, ok := ix.cheapestFit(node, units, start, j); ok {
			c := cost + int(form)
			if j > best.End || j == best.End && c < best.Cost {
				*best = Match{Start: start, End: j, Node: node, Cost: c, Forms: max(forms, form)}
			}
		}
	}
	if j >= len(units) || j > start && units[j].Tok.Is(token.SentenceStart) {
		return
	}
	u := &units[j]
	for a := 0; a < int(u.N); a++ {
		alt := u.Alts[a]
		child, ok := alt.Root, alt.Root != 0 // the root's edge, read with the word
		if node != 0 {
			child, ok = ix.step(node, alt.ID)
		}
		if !ok {
			continue
		}
		ix.walk(units, start, j+1, child, cost+int(alt.Form), max(forms, alt.Form), alt, best)
	}
}

// endingFits checks the ending stripped from the last word of a match: a
// genitive -s or -es always fits (Russlands); a dative plural -n only after
// "den" (in den Niederlanden, aus den Emiraten), so that "Arten" is not
// Arte; adjective endings -r and -m only inside a name, never at its end.
func (ix *Index) endingFits(units []Unit, start int, last Alt) bool {
	if last.Form != Declined {
		return true
	}
	switch last.Ending {
	case 's':
		return true
	case 'n':
		return start > 0 && ExactID(&units[start-1]) == ix.denID && ix.denID != 0
	}
	return false
}

// cheapestFit returns the lowest Form among the targets at node that fit
// the text: a path reached through exact keys may still end in a loose or
// transcribed variant, which costs accordingly.
func (ix *Index) cheapestFit(node uint32, units []Unit, start, end int) (Form, bool) {
	best, ok := Loose, false
	for _, t := range ix.at(node) {
		if ix.fits(t, units[start:end]) && (!ok || t.Form() < best) {
			best, ok = t.Form(), true
		}
	}
	return best, ok
}

// Targets returns the targets of m that fit the text, of the cheapest
// form: where an exact alias and a loose variant of another name meet,
// the exact one wins.
func (ix *Index) Targets(dst []Target, m Match, units []Unit) []Target {
	dst = dst[:0]
	form, _ := ix.cheapestFit(m.Node, units, m.Start, m.End)
	for _, t := range ix.at(m.Node) {
		if t.Form() == form && ix.fits(t, units[m.Start:m.End]) {
			dst = append(dst, t)
		}
	}
	return dst
}

// fits adds to caseFits that a given name is never read under a loose
// key: Rainer is not Rayner.
func (ix *Index) fits(t Target, span []Unit) bool {
	if t.Form() == Loose {
		for i := range span {
			if id := ExactID(&span[i]); id != 0 && ix.isProtected(id) {
				return false
			}
		}
	}
	return caseFits(ix.cases[t.pattern()], t.Flags()&Acronym != 0, span)
}

// caseFits reports whether the text tokens have the case the alias demands:
// capitalised alias words must be capitalised in the text, acronyms must
// be in capitals (WHO is not "who"), and short words in capitals match only
// acronyms. span is the text of a path to the alias's node: as many
// tokens as the alias has.
func caseFits(c casePattern, acronym bool, span []Unit) bool {
	for i := range span {
		tok := span[i].Tok
		if c.upper&(1<<i) != 0 && !tok.Is(token.Upper) {
			return false
		}
		if acronym && tok.Kind == token.Word && !tok.Is(token.AllUpper) {
			return false
		}
		if c.caps&(1<<i) == 0 && tok.Is(token.AllUpper) && tok.End-tok.Start <= 4 {
			return false // a short word in capitals is an acronym: ROM is not Rom
		}
	}
	return true
}

// Single returns the targets of one-word aliases whose word has the folded
// key, of any form.
func (ix *Index) Single(key []byte) []Target {
	_, child := ix.lookupHash(hashKey(key))
	if child == 0 {
		return nil
	}
	return ix.at(child)
}
