// Passes that adjust gazetteer links before the candidate rules run:
// unlinking a name a given name or title shows to be a person's, and
// extending companies, places and English organisation names.

package tagger

import (
	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/token"
)

// unlinkAfterGivenName drops the link of a one-word name right after a
// free given name: the gazetteer does not hold the two together, so the
// name is a surname — "Timo Glock" is a driver, not the arms maker,
// "Michael Buhl" no town, "Timo Scholz" not the chancellor. After a title
// a place or an organisation gives way the same way: "Präsident
// Cleveland", "Bäderleiter Schmid". The candidate rules then make a
// person of the words.
func (s *state) unlinkAfterGivenName() {
	for k := range s.ments {
		m := &s.ments[k]
		if m.entity < 0 || m.candidate != nil || m.end-m.start != 1 || m.start == 0 {
			continue
		}
		f, i := m.f, m.start-1
		t := f.toks[i]
		if f.taken[i] || t.Kind != token.Word || !t.Is(token.Upper) || t.Is(token.JoinedNext) || t.Is(token.JoinedPrev) {
			continue
		}
		c := s.classOf(f, i)
		title := c&cTitle != 0 && s.entity(m.entity).Type != tagging.Person && m.rule == "exact" &&
			m.f.key(m.start)[len(m.f.key(m.start))-1] != 's' // not "Ministerpräsident Niedersachsens"
		if c&cGiven == 0 && !title {
			continue
		}
		m.entity = -1
		clear(f.taken[m.start:m.end])
	}
}

// unlinkGivenNamePlace drops the link of a place that is also a given
// name when an unknown name follows it: "Virginia Giuffre" and "Florence
// Pugh" are people, not the US state or Florenz. The candidate rules then make a person of the
// words. Not after a preposition of place (in Virginia Glenn Youngkin …;
// "von" and "bei" also precede people) and not before an English place
// head (Virginia Beach, Austin City).
func (s *state) unlinkGivenNamePlace() {
	for k := range s.ments {
		m := &s.ments[k]
		if m.entity < 0 || m.candidate != nil || m.end-m.start != 1 || s.entity(m.entity).Type != tagging.Location {
			continue
		}
		f, i := m.f, m.start
		if s.classOf(f, i)&cGiven == 0 || !f.toks[i].Is(token.Upper) || f.toks[i].Is(token.JoinedNext) ||
			i > 0 && placePrepositions[string(f.key(i-1))] {
			continue
		}
		if j := i + 1; j < len(f.toks) && s.nameWord(f, j) && !englishPlaceHeads[string(f.key(j))] {
			m.entity = -1
			clear(f.taken[m.start:m.end])
		}
	}
}

// placePrepositions introduce a place, never a person.
var placePrepositions = wordSet(`in aus nach nahe`)

// englishPlaceHeads are English words that make a place of the name before them.
var englishPlaceHeads = map[string]bool{
	"beach": true, "city": true, "falls": true, "springs": true, "island": true, "islands": true,
	"bay": true, "valley": true, "county": true, "heights": true, "harbor": true, "harbour": true,
	"lake": true, "park": true, "hills": true, "point": true, "mountains": true,
}

// extendLegalForms extends a linked organisation over up to two unknown
// name words or acronyms and the legal form after it: "der Audi AG",
// "Google Inc.", "Mitsubishi UFJ", "Mærsk Line", "Bilfinger Berger GmbH".
// Not a part of a compound (ZDF-Morgenmagazin).
func (s *state) extendLegalForms() {
	for k := range s.ments {
		m := &s.ments[k]
		if m.entity < 0 || m.candidate != nil || s.entity(m.entity).Type != tagging.Organization ||
			m.f.toks[m.end-1].Is(token.JoinedNext) {
			continue
		}
		end := m.end
		for end < len(m.f.toks) && end-m.end < 2 && s.orgNameWord(m.f, end) {
			end++
		}
		if end = s.legalFormEnd(m.f, end); end > m.end {
			s.take(m.f, m.end, end)
			m.end = end
		}
	}
}

// extendDistricts extends a place over the district joined to it by a
// hyphen: "Berlin-Charlottenburg", "Düsseldorf-Gerresheim", "Berlin-Mitte"
// name a part of the city (a name that is no noun, has a place ending or
// is a word like Mitte); "Ukraine-Krieg" stays a compound.
func (s *state) extendDistricts() {
	for k := range s.ments {
		m := &s.ments[k]
		f, j := m.f, m.end
		if m.entity < 0 || m.candidate != nil || s.entity(m.entity).Type != tagging.Location ||
			!f.toks[j-1].Is(token.JoinedNext) || j >= len(f.toks) || f.taken[j] {
			continue
		}
		t := f.toks[j] // the hyphen is no token
		k := f.key(j)
		if t.Kind != token.Word || t.Flags&(token.Upper|token.AllUpper|token.JoinedNext) != token.Upper ||
			!districtWords[string(k)] && !placeEnding(k) && s.t.isNoun(k) {
			continue
		}
		s.take(f, j, j+1)
		m.end = j + 1
	}
}

// districtWords are nouns that name a part of a town after a hyphen.
var districtWords = wordSet(`mitte nord süd ost west zentrum altstadt innenstadt`)

// orgNameWord reports a word that continues an organisation's name: an
// unknown name word or an acronym no list knows, not joined to the next.
func (s *state) orgNameWord(f *field, j int) bool {
	t := f.toks[j]
	if t.Is(token.JoinedNext) || t.Is(token.JoinedPrev) {
		return false
	}
	if t.Is(token.AllUpper) {
		return !f.taken[j] && t.Kind == token.Word && !t.Is(token.SentenceStart) && f.units[j].N == 0
	}
	return s.nameWord(f, j)
}

// englishOrgs makes organisation candidates of names that end with an
// English head noun: "Jet Propulsion Laboratory", "Matthew Humberstone
// School", "Paducah Railroad" — up to three free capitalised words and the
// head.
func (s *state) englishOrgs() {
	for fi := range s.fields {
		f := &s.fields[fi]
		for k := 1; k < len(f.toks); k++ {
			if f.toks[k].Flags&(token.Upper|token.AllUpper|token.SentenceStart) != token.Upper ||
				f.units[k].N == 0 || f.taken[k] || !s.englishHead(f, k) {
				continue // N == 0: the word has no class, no head
			}
			if start := s.capitalsBefore(f, k); start < k {
				s.addCandidate(f, start, k+1, tagging.Organization, "candidate-org-head", 0.4)
			}
		}
	}
}

func (s *state) englishHead(f *field, k int) bool {
	t := f.toks[k]
	return t.Kind == token.Word && t.Is(token.Upper) && !t.Is(token.AllUpper) && s.classOf(f, k)&cEnglishHead != 0
}

// englishOrgHeads end the names of organisations in English.
var englishOrgHeads = wordSet(`laboratory laboratories college university institute council committee
	association foundation agency company corporation group holdings systems solutions
	technologies records studios entertainment airlines airways railroad railway partners
	ventures times journal network society industries motors bancorp insurance`)

// capitalsBefore returns the start of up to three free capitalised words
// right before i that open the same name (Jet before Propulsion
// Laboratory).
func (s *state) capitalsBefore(f *field, i int) int {
	start := i
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := f.toks[k]
		if f.taken[k] || t.Kind != token.Word || !t.Is(token.Upper) || t.Is(token.JoinedNext) ||
			s.classOf(f, k)&(cArticle|cDeterminer|cLocative|cNotName) != 0 || sentenceInitial(f, k) && s.classOf(f, k) != 0 {
			break
		}
		start = k
		if t.Is(token.SentenceStart) {
			break
		}
	}
	return start
}
