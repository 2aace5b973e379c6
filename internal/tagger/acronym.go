package tagger

import (
	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/token"
)

// matchAcronyms links acronyms the article defines, "Bundesamt für
// Migration und Flüchtlinge (BAMF)", to the long form's entity — or to a
// new organisation candidate when no gazetteer knows the long form — and
// tags the acronym's later uses.
func (s *state) matchAcronyms() {
	defs := make(map[string]int) // acronym text -> index of the long form's mention
	var ends map[endKey]int      // where each mention ends, built on the first definition
	for fi := range s.fields {
		f := &s.fields[fi]
		for i := 1; i+2 < len(f.toks); i++ {
			if !isDefinition(f, i) || f.taken[i+1] {
				continue
			}
			if ends == nil {
				ends = s.mentionEnds()
			}
			if long := s.longForm(f, i, ends); long >= 0 {
				defs[f.toks[i+1].Text(f.text)] = long
			}
		}
	}
	if len(defs) > 0 {
		s.tagAcronymUses(defs)
	}
}

// isDefinition reports "( ACRONYM )" with the parenthesis at token i.
func isDefinition(f *field, i int) bool {
	if f.text[f.toks[i].Start] != '(' {
		return false
	}
	open, acr, cls := f.toks[i], f.toks[i+1], f.toks[i+2]
	n := acr.End - acr.Start
	return open.Kind == token.Punct && f.text[open.Start] == '(' &&
		cls.Kind == token.Punct && f.text[cls.Start] == ')' &&
		acr.Kind == token.Word && acr.Is(token.Upper) && n >= 2 && n <= 10 && upperCount(acr.Text(f.text)) >= 2
}

func upperCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r == 'Ä' || r == 'Ö' || r == 'Ü' {
			n++
		}
	}
	return n
}

// endKey identifies where a mention ends.
type endKey struct {
	f   *field
	end int
}

// mentionEnds indexes the linked and candidate mentions by their end.
func (s *state) mentionEnds() map[endKey]int {
	ends := make(map[endKey]int, len(s.ments))
	for k, m := range s.ments {
		if m.entity >= 0 || m.candidate != nil {
			ends[endKey{m.f, m.end}] = k
		}
	}
	return ends
}

// longForm returns the index of the mention that ends right before the
// parenthesis at token i, creating an organisation candidate when the words
// before it spell the acronym; -1 when there is none.
func (s *state) longForm(f *field, i int, ends map[endKey]int) int {
	if k, ok := ends[endKey{f, i}]; ok {
		return k
	}
	acr := fold.Key(f.toks[i+1].Text(f.text))
	for start := i - 1; start >= 0 && start >= i-8; start-- {
		if f.taken[start] || !longFormWord(f, start) {
			return -1
		}
		if f.toks[start].Is(token.Upper) && spells(acr, f, start, i) {
			s.addCandidate(f, start, i, tagging.Organization, "acronym-definition", 0.55)
			ends[endKey{f, i}] = len(s.ments) - 1
			return len(s.ments) - 1
		}
	}
	return -1
}

// longFormWord: long forms are capitalised words and the small words
// between them (für, und, der).
func longFormWord(f *field, i int) bool {
	t := f.toks[i]
	if t.Kind != token.Word {
		return false
	}
	return t.Is(token.Upper) || connectors[string(f.key(i))]
}

var connectors = wordSet(`für und der des die von zur zum im in am of for and`)

// spells reports whether the acronym's letters occur in order in the words
// [start, end), beginning with the first letter of the first word.
func spells(acr string, f *field, start, end int) bool {
	words := fold.Key(f.text[f.toks[start].Start:f.toks[end-1].End])
	if acr == "" || words == "" || words[0] != acr[0] {
		return false
	}
	j := 0
	for i := 0; i < len(words) && j < len(acr); i++ {
		if words[i] == acr[j] {
			j++
		}
	}
	return j == len(acr)
}

// tagAcronymUses tags every untaken occurrence of a defined acronym.
func (s *state) tagAcronymUses(defs map[string]int) {
	for fi := range s.fields {
		f := &s.fields[fi]
		for i, t := range f.toks {
			k, ok := defs[t.Text(f.text)]
			if !ok || f.taken[i] || t.Kind != token.Word {
				continue
			}
			long := s.ments[k]
			m := mention{f: f, start: i, end: i + 1, entity: long.entity, alias: -1,
				candidate: long.candidate, rule: "acronym", conf: long.conf * 0.95}
			if m.candidate == nil {
				m.conf = ruleConfidence["acronym"]
			}
			s.take(f, i, i+1)
			s.ments = append(s.ments, m)
		}
	}
}
