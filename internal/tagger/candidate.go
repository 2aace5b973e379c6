package tagger

import (
	"strings"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/token"
)

// unknown is an entity no gazetteer holds, recognised from its context.
type unknown struct {
	typ  tagging.Type
	key  string // folded name, the identity of the candidate in the article
	name string // surface form
}

// addCandidate records tokens [i, j) of f as a candidate of type typ.
func (s *state) addCandidate(f *field, i, j int, typ tagging.Type, rule string, conf float64) {
	name := f.span(i, j)
	u := &unknown{typ: typ, key: fold.Key(name), name: name}
	s.take(f, i, j)
	s.ments = append(s.ments, mention{f: f, start: i, end: j, entity: -1, alias: -1,
		candidate: u, rule: rule, conf: conf})
}

// findCandidates looks for people, organisations and places that no
// gazetteer holds: bylines, names after a title (Stadtrat Jonas Wiegandt-
// Rühl), given name plus surname, names with a legal form (Kesselring KG)
// or an organisation head noun (Kreisverwaltung Südwestpfalz), and
// place-like names after a locative preposition.
func (s *state) findCandidates() {
	s.rejected(false)
	s.unlinkAfterGivenName()
	s.extendLegalForms()
	s.extendDistricts()
	s.englishOrgs()
	s.byline(&s.fields[1])
	for fi := range s.fields {
		f := &s.fields[fi]
		for i := 0; i < len(f.toks); i++ {
			if f.taken[i] || f.toks[i].Kind != token.Word && f.toks[i].Kind != token.Abbrev {
				continue
			}
			s.candidateAt(f, i)
		}
	}
	s.matchCandidateSurnames()
	s.rejected(true)
}

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

// rejected marks the tokens of gazetteer matches that resolve rejected as
// everyday words taken or free. They are freed for the candidate rules —
// "Brigitte" without evidence for the magazine may still open "Brigitte
// Weigl", a name no gazetteer holds — and taken again afterwards, so that
// what the topics read does not change.
func (s *state) rejected(taken bool) {
	for _, m := range s.ments {
		if m.entity < 0 && m.candidate == nil {
			if taken {
				s.take(m.f, m.start, m.end)
			} else {
				clear(m.f.taken[m.start:m.end])
			}
		}
	}
}

func (s *state) candidateAt(f *field, i int) {
	c := s.classOf(f, i)
	if c == 0 {
		c = suffixClass(f, i)
	}
	if c&^cStreet == 0 {
		s.unlistedAt(f, i, c)
		return
	}
	upper := f.toks[i].Is(token.Upper)
	switch {
	case c&cTitle != 0:
		if j := s.nameAfter(f, i+1, 4); j > i+1 {
			s.addCandidate(f, i+1, j, tagging.Person, "candidate-title", 0.6)
		}
	case c&cGiven != 0 && upper:
		if j := s.givenNameEnd(f, i); j > i+1 {
			s.addCandidate(f, i, j, tagging.Person, "candidate-name", 0.5)
		} else if sentenceInitial(f, i) {
			s.initialName(f, i)
		} else {
			s.loneGivenName(f, i)
		}
	case c&cLegal != 0 && upper:
		if start := s.nameBefore(f, i); start < i {
			s.addCandidate(f, start, i+1, tagging.Organization, "candidate-legal-form", 0.65)
		}
	case c&cOrgHead != 0 && upper:
		s.orgAround(f, i)
	case c&cPlaceHead != 0:
		if j := s.nameAfter(f, i+1, 2); j > i+1 {
			s.addCandidate(f, i+1, j, tagging.Location, "candidate-place", 0.45)
		}
	case c&cSpeech != 0:
		if j := s.nameAfter(f, i+1, 2); j > i+1 && s.speakerEnds(f, i+1, j) {
			s.addCandidate(f, i+1, j, tagging.Person, "candidate-speaker", 0.5)
		}
	case c&cLocative != 0 && i+1 < len(f.toks) && placeLike(f, i+1):
		j := i + 2
		for j < len(f.toks) && f.toks[j-1].Is(token.JoinedNext) && !f.taken[j] {
			j++
		}
		s.addCandidate(f, i+1, j, tagging.Location, "candidate-place", 0.45)
	}
}

// unlistedAt looks for candidates at a word of no lexicon list: an
// unknown acronym, a street (c is cStreet for a word ending like one) or
// an initial before a surname.
func (s *state) unlistedAt(f *field, i int, c wordClass) {
	switch {
	case s.unknownAcronym(f, i):
		s.orgAround(f, i)
		if !f.taken[i] {
			s.addCandidate(f, i, i+1, tagging.Organization, "candidate-acronym", 0.4)
		}
	case initial(f, i):
		if !f.toks[i].Is(token.JoinedPrev) && (i == 0 || f.toks[i-1].Kind != token.Abbrev) {
			if j := s.nameAfter(f, i+1, 1); j > i+1 && f.toks[j-1].Kind == token.Word {
				s.addCandidate(f, i, j, tagging.Person, "candidate-initial", 0.45)
			}
		}
	default:
		if j := s.streetEnd(f, i, c); j > i {
			s.addCandidate(f, i, j, tagging.Location, "candidate-street", 0.5)
		} else {
			s.unknownName(f, i)
		}
	}
}

// unknownName makes a candidate of a run of capitalised words inside a
// sentence that are neither in a lexicon list nor German nouns: "für
// Birmingham", "von Corea komponiert", "Dean Whitehead, Grant Leadbitter
// und …". In German only nouns and names are capitalised there, so what
// is no noun is a name — or a noun the lexicon lacks, which is why the
// rule stays away from what nouns stand next to: a determiner or an
// adjective before (einem Konvikt, feinstkörniger Magnetit), a number
// (121,5 MHz), another capitalised word before or after (Champions
// League). The type comes from the word before: a place after in, aus,
// nach; in a list, the type of the entity before; otherwise a person.
func (s *state) unknownName(f *field, i int) {
	if i == 0 {
		s.initialName(f, i)
		return
	}
	if !nameShape(f, i) {
		return
	}
	place := s.placeAfterAdjective(f, i)
	if !place && s.nounContext(f, i-1) || !s.nameWord(f, i) {
		return // cheapest first: most nouns follow a determiner or an adjective
	}
	if sentenceInitial(f, i) { // after an opening quote
		s.initialName(f, i)
		return
	}
	j := s.nameRunEnd(f, i)
	if quotedRun(f, i, j) || latinEpithet(f, j) {
		return // „Push“, „Red Devils“: a title, a term or a nickname; Choloepus didactylus: a species
	}
	if place || j-i > 1 && romancePlaceHeads[string(f.key(i))] {
		s.addCandidate(f, i, j, tagging.Location, "candidate-unknown", 0.3)
		return
	}
	if j < len(f.toks) && f.toks[j].Kind == token.Word && f.toks[j].Is(token.Upper) {
		if j == i+1 && s.genitiveBefore(f, i) {
			s.addCandidate(f, i, j, tagging.Person, "candidate-unknown", 0.3)
		}
		return
	}
	typ, ok := s.unknownType(f, i, j)
	if !ok {
		return
	}
	s.addCandidate(f, i, j, typ, "candidate-unknown", 0.3)
}

// givenNameEnd returns the end of the name that the given name at i
// opens: more names, initials and particles (Hans J. Seidelmann, Giacomo
// della Porta, Pepe de la Matrona, Franz von Papen); i+1 for none.
func (s *state) givenNameEnd(f *field, i int) int {
	j := i + 1
	for j < len(f.toks) && j < i+3 && s.classOf(f, j)&cParticle != 0 && !f.taken[j] && lowerWord(f, j) {
		j++ // particles right after the given name
	}
	if j == i+1 {
		return s.nameAfter(f, j, 4)
	}
	if end := s.nameAfter(f, j, 3); end > j {
		return end
	}
	return i + 1
}

// loneGivenName makes a person candidate of a given name on its own
// inside a sentence: "mit Yvonne", "Nur Justin, Alex und Max". Not after a
// determiner, an adjective or an abbreviation (St. Wolfgang), not joined
// to another word (Max-Planck).
func (s *state) loneGivenName(f *field, i int) {
	t := f.toks[i]
	if f.taken[i] || t.Kind != token.Word || t.Flags&(token.AllUpper|token.JoinedNext|token.JoinedPrev) != 0 ||
		i == 0 || f.toks[i-1].Kind == token.Abbrev || s.nounContext(f, i-1) {
		return // not St. Wolfgang
	}
	s.addCandidate(f, i, i+1, tagging.Person, "candidate-name", 0.3)
}

// initialName makes a person candidate of a name of one or two words
// opening a text (a headline, a body) or a quotation before a verb or a
// colon — "Kolb war seit 1986 …", "Pofalla gehört …", "Heath Miller fing
// …" — when its first word is no German noun, no other word the lexicons
// know (Gestern, Schnell, Damit) and no lexicon entry other than a given
// name (Judith hat …). Inside running text a lone surname at a sentence
// start is the short form of a name given earlier, which the short-form
// rules link; there the sentence start is too weak a signal (Hinzu kommt,
// Ermittelt wird).
func (s *state) initialName(f *field, i int) {
	t := f.toks[i]
	if f.taken[i] || t.Kind != token.Word || t.Flags&(token.Upper|token.AllUpper|token.JoinedNext) != token.Upper ||
		i+1 >= len(f.toks) || !sentenceInitial(f, i) {
		return
	}
	k := f.key(i)
	if len(k) < 3 || s.classOf(f, i)&^cGiven != 0 || s.heldShortForm(f, i) || s.t.g.Words[string(k)] || nominalised(k) ||
		participle(k) || s.t.isNoun(k) {
		return
	}
	j := i + 1
	if s.nameWord(f, j) { // two words: Heath Miller fing …
		j++
	}
	if j < len(f.toks) && s.verbAfterName(f, j) {
		s.addCandidate(f, i, j, placeOrPerson(f.key(j-1)), "candidate-unknown", 0.3)
	}
}

// verbAfterName reports a lower-case word at j that may be the verb after
// a subject — not a determiner or pronoun (Gestern die …) — or a colon
// after a speaker's name in an interview (Güllner: „…“).
func (s *state) verbAfterName(f *field, j int) bool {
	t := f.toks[j]
	if t.Kind == token.Punct && f.text[t.Start] == ':' {
		return true
	}
	return t.Kind == token.Word && !t.Is(token.Upper) && s.classOf(f, j)&(cArticle|cDeterminer|cNotName) == 0
}

// participle reports a word shaped like a past participle: ge-…-t or
// ge-…-en, also after a separable prefix (Gegründet, Aufgewärmt,
// Angekommen).
func participle(k []byte) bool {
	n := len(k)
	if n < 7 || !(k[n-1] == 't' || k[n-2] == 'e' && k[n-1] == 'n') {
		return false
	}
	for _, p := range participlePrefixes {
		if len(k) > len(p)+4 && string(k[:len(p)]) == p && string(k[len(p):len(p)+2]) == "ge" {
			return true
		}
	}
	return false
}

var participlePrefixes = [...]string{"", "ab", "an", "auf", "aus", "bei", "ein", "fest", "los", "mit",
	"nach", "vor", "weg", "zu", "zurueck", "heraus", "herein", "hinaus"}

// placeAfterAdjective reports a locative preposition and a lower-case
// adjective before token i: "im englischen Hatfield", "im aargauischen
// Riniken", "aus dem nahen Leerdam".
func (s *state) placeAfterAdjective(f *field, i int) bool {
	if i < 2 || f.toks[i-1].Kind != token.Word || f.toks[i-1].Is(token.Upper) || !attributive(f.key(i-1)) ||
		s.classOf(f, i-1)&(cArticle|cDeterminer|cNotAttributive) != 0 {
		return false
	}
	k := i - 2
	if k > 0 && s.classOf(f, k)&cArticle != 0 {
		k-- // aus dem nahen …
	}
	return adjectivePlacePreps[string(f.key(k))]
}

var adjectivePlacePreps = wordSet(`in im aus nach nahe`)

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

// genitiveBefore reports a name word in -s before a noun, a person's
// genitive: "Zabels Entscheidung", "Buurmanns Ausscheiden".
func (s *state) genitiveBefore(f *field, i int) bool {
	k, next := f.key(i), f.key(i+1)
	return len(k) >= 4 && k[len(k)-1] == 's' && !f.toks[i+1].Is(token.AllUpper) &&
		s.classOf(f, i+1) == 0 && s.t.isNoun(next)
}

// romancePlaceHeads open the names of places in Romance languages:
// Cerro Amarillo, Isola di Arabella, Valle de Curicó, Monte Rosa.
var romancePlaceHeads = wordSet(`cerro isola lido valle monte lago playa costa sierra puerto porto
	rio río mont lac col villa ciudad bahia bahía`)

// latinEpithet reports a lower-case Latin species epithet at j, as after
// a genus: "Choloepus didactylus", "Thaleichthys pacificus".
func latinEpithet(f *field, j int) bool {
	if j >= len(f.toks) || f.toks[j].Kind != token.Word || f.toks[j].Is(token.Upper) {
		return false
	}
	k := f.key(j)
	if len(k) < 6 {
		return false
	}
	for _, end := range [...]string{"us", "um", "ae", "i", "oides", "ensis"} {
		if string(k[len(k)-len(end):]) == end {
			return true
		}
	}
	return false
}

// quotedRun reports tokens [i, j) standing alone between quotes.
func quotedRun(f *field, i, j int) bool {
	return i > 0 && j < len(f.toks) && f.toks[i-1].Kind == token.Quote && f.toks[j].Kind == token.Quote
}

// nameRunEnd returns the end of the name words from i, at most four, with
// name particles inside (Giacomo della Porta).
func (s *state) nameRunEnd(f *field, i int) int {
	j := i + 1
	for j < len(f.toks) && j-i < 4 {
		if s.nameWord(f, j) {
			j++
		} else if j+1 < len(f.toks) && s.classOf(f, j)&cParticle != 0 && !runBreaks[string(f.key(j))] && s.nameWord(f, j+1) {
			j += 2
		} else {
			break
		}
	}
	return j
}

// runBreaks are name particles that are also prepositions or articles:
// "Eric Cantona zu United" is two names.
var runBreaks = wordSet(`zu der`)

// nounContext reports a token before a capitalised word that makes it a
// noun or part of a longer name: a capitalised word, a number, a dash, a
// determiner or an adjective.
func (s *state) nounContext(f *field, k int) bool {
	t := f.toks[k]
	switch t.Kind {
	case token.Number, token.Ordinal:
		return true
	case token.Punct:
		c := f.text[t.Start]
		return c == '-' || c == 0xe2 // "-", or "–" / "—" (UTF-8 E2 80 93/94)
	case token.Word:
		c := s.classOf(f, k)
		if t.Is(token.Upper) && !s.functionWordOpening(f, k, c) {
			return true
		}
		return c&(cArticle|cDeterminer) != 0 || c&cNotAttributive == 0 && attributive(f.key(k))
	}
	return false
}

// functionWordOpening reports a capitalised word k of class c that opens
// the sentence and is a word of the lexicon lists: "In Iowa …", "Auch
// Okonkwo …" read like "in Iowa", "auch Okonkwo".
func (s *state) functionWordOpening(f *field, k int, c wordClass) bool {
	return (c != 0 || s.t.g.Words[string(f.key(k))]) && sentenceInitial(f, k)
}

// determiners are the determiners other than the definite article.
var determiners = wordSet(`ein eine einen einem einer eines
	kein keine keinen keinem keiner keines sein seine seinen seinem seiner seines
	ihr ihre ihren ihrem ihrer ihres mein meine meinen meinem unser unsere unseren
	dieser diese diesen diesem dieses jeder jede jeden jedem jedes jener jene`)

// englishWords come before nouns in English quotes and titles: "the
// millions of Europeans".
var englishWords = wordSet(`the of and to for with by at on from our my your their his her its
	this that these those there they what when where which who how you`)

// attributive reports a lower-case word of four or more letters with an
// adjective ending (-e, -en, -er, -es, -em), except the past tense of a
// verb in -te (erreichte Goslin). Words that only look like one are
// listed in notAttributive.
func attributive(k []byte) bool {
	n := len(k)
	if n < 4 || k[n-1] == 'e' && k[n-2] == 't' {
		return false
	}
	switch k[n-1] {
	case 'e':
		return true
	case 'n', 'r', 's', 'm':
		return k[n-2] == 'e'
	}
	return false
}

var notAttributive = wordSet(`gegen unter über hinter oder aber wieder außer entweder
	weder zwischen neben wegen seit nachdem sowie ebenso eben danke bitte ohne habe
	gerne heute sie für immer sehr mehr weiter später früher vorher nachher daher bisher
	seither trotzdem außerdem zudem indem seitdem stattdessen zusammen daneben dagegen
	danach damals lange`)

// unknownType returns the type of the unknown name [i, j) from the word
// before it; false when it cannot tell.
func (s *state) unknownType(f *field, i, j int) (tagging.Type, bool) {
	switch prev := string(f.key(i - 1)); {
	case unknownPlacePreps[prev]:
		return tagging.Location, true
	case prev == "bei": // bei Siemens, bei Hamburg
		return 0, false
	case prev == "von" && i >= 2 && compass[string(f.key(i-2))]:
		return tagging.Location, true // südlich von Modrava
	case (prev == "von" || prev == "zwischen") && s.routeEnd(f, j, prev):
		return tagging.Location, true // von Wilson nach Downsview, zwischen Gudme und Lundborg
	case prev == "und" && i >= 3 && string(f.key(i-3)) == "zwischen":
		return tagging.Location, true
	case prev == "," || prev == "und" || prev == "oder" || prev == "sowie":
		if j-i > 1 && !placeEnding(f.key(j-1)) {
			return tagging.Person, true // given name and surname: "Kandahar, Sajed Agha Sakeb,"
		}
		if t, ok := s.typeAt(f, i-2); ok {
			return t, true
		}
		return tagging.Person, j-i > 1 // a lone word in a list: a place? a thing?
	}
	return placeOrPerson(f.key(j - 1)), true
}

// placeOrPerson types an unknown name by its last word: a place with a
// German place-name ending that surnames seldom have (Südwestpfalz,
// Oberwiesenthal; not -berg, -bach, -hagen, -ow, -itz: Dalberg,
// Bruchhagen, Kulikow), else a person.
func placeOrPerson(last []byte) tagging.Type {
	if len(last) >= 6 {
		for _, suf := range townEndings {
			if len(last) > len(suf) && string(last[len(last)-len(suf):]) == suf {
				return tagging.Location
			}
		}
	}
	return tagging.Person
}

var townEndings = []string{"dorf", "hausen", "heim", "stadt", "ingen", "kirchen", "hofen", "rode",
	"leben", "stedt", "furt", "brucken", "walde", "thal", "tal", "hoven", "lingen", "weiler", "zell", "pfalz"}

// routeEnd reports "nach", "bis" (after von) or "und" (after zwischen)
// right after the name ending at j, then a capitalised word: the two ends
// of a route are places.
func (s *state) routeEnd(f *field, j int, prev string) bool {
	if j+1 >= len(f.toks) || !f.toks[j+1].Is(token.Upper) || f.toks[j+1].Kind != token.Word {
		return false
	}
	switch string(f.key(j)) {
	case "nach", "bis":
		return prev == "von"
	case "und":
		return prev == "zwischen"
	}
	return false
}

// unknownPlacePreps put a place after them. Not über, durch, um: "über
// Stanleys Geburtsdatum", "durch Hardiknut", "um Thälmann abzuhören".
var unknownPlacePreps = wordSet(`in aus nach nahe südlich nördlich östlich westlich
	südöstlich südwestlich nordöstlich nordwestlich`)

// compass words before "von" make a place: "südlich von Modrava".
var compass = wordSet(`südlich nördlich östlich westlich südöstlich südwestlich nordöstlich nordwestlich`)

// typeAt returns the type of the entity or candidate at token k.
func (s *state) typeAt(f *field, k int) (tagging.Type, bool) {
	if k < 0 || !f.taken[k] {
		return 0, false
	}
	for i := range s.ments {
		m := &s.ments[i]
		if m.f != f || k < m.start || k >= m.end {
			continue
		}
		switch {
		case m.candidate != nil:
			return m.candidate.typ, true
		case m.entity >= 0:
			return s.entity(m.entity).Type, true
		}
	}
	return 0, false
}

// nameWord reports a word that may be part of an unknown name: free,
// capitalised but not an acronym, not part of a hyphenated compound, in
// no lexicon list, no short form held back and no German noun.
func (s *state) nameWord(f *field, i int) bool {
	if !nameShape(f, i) {
		return false
	}
	k := f.key(i)
	return len(k) >= 3 && s.classOf(f, i) == 0 && !s.t.isNoun(k) && !nominalised(k) && !s.heldShortForm(f, i)
}

// heldShortForm reports a short form that several people of the article
// share ("Kim" after Kim Jong-un and Kim Yo-jong): left untagged on
// purpose, it is no unknown name either.
func (s *state) heldShortForm(f *field, i int) bool {
	u := &f.units[i]
	for a := 0; a < int(u.N); a++ {
		for k := range s.active {
			if e := &s.active[k]; e.shared && e.ids[0] == u.Alts[a].ID {
				return true
			}
		}
	}
	return false
}

// nameShape reports a free capitalised word, not an acronym, not part of
// a hyphenated compound, not opening a sentence.
func nameShape(f *field, i int) bool {
	t := f.toks[i]
	return !f.taken[i] && t.Kind == token.Word && t.Flags&(token.Upper|token.AllUpper|token.JoinedNext|
		token.JoinedPrev|token.SentenceStart) == token.Upper
}

// nominalised reports a capitalised adjective or ordinal used as a noun:
// "seit Langem", "von Neuem", "als Neunter", "Einziger".
func nominalised(k []byte) bool {
	n := len(k)
	if k[n-2] == 'e' && k[n-1] == 'm' {
		return true
	}
	for _, o := range ordinalStems {
		if len(k) > len(o) && string(k[:len(o)]) == o {
			switch string(k[len(o):]) {
			case "e", "er", "en", "es":
				return true
			}
		}
	}
	return adjectiveEnding(k)
}

// adjectiveEnding reports a word of six or more letters ending like an
// adjective, also inflected: Einwilligungsfähig, Sprintstark, Ärztliche.
func adjectiveEnding(k []byte) bool {
	if len(k) < 6 {
		return false
	}
	for _, infl := range [...]string{"", "e", "en", "er", "es"} {
		n := len(k) - len(infl)
		if string(k[n:]) != infl {
			continue
		}
		for _, suf := range adjectiveSuffixes {
			if n-len(suf) >= 3 && string(k[n-len(suf):n]) == suf {
				return true
			}
		}
	}
	return false
}

// adjectiveSuffixes end adjectives (folded). Not -ig: Hellwig, König.
var adjectiveSuffixes = [...]string{"lich", "isch", "bar", "sam", "haft", "los", "faehig", "stark"}

// ordinalStems begin ordinals and words like them (Neunter, Dritte, Einziger).
var ordinalStems = [...]string{"erst", "zweit", "dritt", "viert", "fuenft", "sechst", "siebt",
	"acht", "neunt", "zehnt", "elft", "zwoelft", "letzt", "einzig"}

// notNames are capitalised inside a sentence without being nouns or
// names: the polite pronouns, function words that open a clause after a
// dash, a bullet or a quote the tokenizer did not see as a sentence start,
// a few abbreviations written without their full stop, and English
// function words of titles.
var notNames = wordSet(`sie ihnen ihr ihre ihrem ihren ihrer ihres euer eure
	ein eine einer einen einem eines kein keine keiner keinen keinem keines
	dies diese dieser diesen diesem dieses jede jeder jeden jedem jedes alle allen aller alles
	viele vielen vieler viel wenige einige einigen mehrere beide beiden
	sein seine seiner seinen seinem seines unser unsere ich du er es wir man wer was
	welche welcher welches dessen deren mit seit zur zum im am an auf beim für gegen
	ohne unter vor hinter neben zwischen vom bis trotz wegen während statt laut ab
	ungeachtet und oder aber doch denn sondern als wie wenn weil dass ob obwohl damit
	so auch noch nur schon dann da dort hier jetzt nun nicht bereits immer nie wieder
	zudem außerdem allerdings jedoch deshalb daher dabei danach später zuvor zunächst erst
	schade danke bitte hallo okay prima dass oder weder daran daraus darin darum
	nachhinein voraus vornherein allgemeinen wesentlichen übrigen einzelnen ganzen
	du mich mir dich dir ihm ihn uns euch zwei drei vier fünf sechs sieben acht neun zehn elf zwölf
	mio mrd nr dr prof the and of for with`)

// streetEnd returns the end of a street name at token i: one word ending
// in -straße, -gasse or -allee (Schwanitzstraße, Fischergasse), a
// capitalised -er word before Straße, Allee, Platz, Weg … (Gubener Straße,
// Frankfurter Allee), each with a house number that follows, or a road
// with its number (Bundesstraße 216); i when there is none.
func (s *state) streetEnd(f *field, i int, c wordClass) int {
	t := f.toks[i]
	if t.Kind != token.Word || !t.Is(token.Upper) || t.Is(token.AllUpper) || t.Is(token.JoinedNext) {
		return i
	}
	k := f.key(i)
	n := len(k)
	switch {
	case c&cStreet != 0 && roads[string(k)]:
		if i+1 < len(f.toks) && f.toks[i+1].Kind == token.Number {
			return i + 2 // Bundesstraße 216
		}
	case c&cStreet != 0:
		return houseNumber(f, i+1)
	case n >= 5 && k[n-2] == 'e' && k[n-1] == 'r' && i+1 < len(f.toks) && !f.taken[i+1] &&
		f.toks[i+1].Is(token.Upper) && streetNouns[string(f.key(i+1))]:
		return houseNumber(f, i+2)
	}
	return i
}

// houseNumber extends a street name ending at j over a house number:
// "Neuendorfer Straße 90c".
func houseNumber(f *field, j int) int {
	if j < len(f.toks) && !f.taken[j] && (f.toks[j].Kind == token.Number ||
		f.toks[j].Kind == token.Word && f.text[f.toks[j].Start] >= '1' && f.text[f.toks[j].Start] <= '9') {
		return j + 1
	}
	return j
}

// Everyday compounds of a street ending (Landstraße, Einkaufsstraße) are
// roads: names only with a number, Bundesstraße 216.
var roads = wordSet(`bundesstraße landstraße kreisstraße staatsstraße autobahn
	hauptverkehrsstraße nebenstraße seitenstraße einkaufsstraße durchgangsstraße
	umgehungsstraße zufahrtsstraße wohnstraße querstraße fahrradstraße
	geschäftsstraße schnellstraße ringstraße sackgasse`)

// streetNouns follow a place adjective in a street name: Gubener Straße,
// Friedberger Landstraße.
var streetNouns = wordSet(`straße strasse landstraße allee platz weg gasse ring damm ufer chaussee`)

// unknownAcronym reports a word in capitals that no gazetteer holds after
// a determiner: "die UMP", "beim FCE", "das BLM". Known everyday acronyms
// (das BIP, die EM) are left out.
func (s *state) unknownAcronym(f *field, i int) bool {
	t := f.toks[i]
	if t.Kind != token.Word || !t.Is(token.AllUpper) || i == 0 || t.End-t.Start > 6 ||
		t.Is(token.JoinedNext) || t.Is(token.JoinedPrev) {
		return false
	}
	k := f.key(i)
	return orgDeterminers[string(f.key(i-1))] && !commonAcronyms[string(k)] && !romanNumeral(k)
}

// orgDeterminers precede an organisation's acronym.
var orgDeterminers = wordSet(`der die das des dem den beim vom zum zur`)

// commonAcronyms are everyday abbreviations in capitals, not organisations.
var commonAcronyms = wordSet(`bip dna rna pkw lkw tv em wm cd dvd pc kw ps sms gps usb pdf
	mwst gmbh ag kg ceo cfo it ki hiv aids co2 mrt ekg ok faq abc
	ddr brd udssr`) // the last are states, not organisations

// romanNumeral reports a word of Roman digits: II, IV, XVI.
func romanNumeral(k []byte) bool {
	for _, c := range k {
		switch c {
		case 'i', 'v', 'x', 'l', 'c', 'd', 'm':
		default:
			return false
		}
	}
	return true
}

// suffixRules give the class of a capitalised compound by its last part,
// as the lexicon gives it to the word alone: role nouns introduce a
// person (Technikchef, Vereinssprecher, Landesminister), organisation
// nouns head a name (Mieterverein, Weingärtnergenossenschaft,
// Maximilianmuseum, Staatsoper; not -werke: Bauwerke, Kunstwerke), street
// endings make a street (Schwanitzstraße,
// Fischergasse). Folded keys; at least three letters must come before.
var suffixRules = newSuffixRules(map[wordClass]string{
	cTitle: `chef chefin sprecher sprecherin minister ministerin praesident
		praesidentin trainer trainerin direktor direktorin vorsitzende vorsitzender`,
	cOrgHead: `verein verband gesellschaft genossenschaft stiftung institut akademie
		hochschule schule gymnasium klinik klinikum gewerkschaft verlag kammer brauerei
		museum theater fabrik bibliothek galerie oper`,
	cStreet: `strasse gasse allee`,
})

// suffixRule is one ending; tail packs its last three bytes.
type suffixRule struct {
	tail   uint32
	suffix string
	class  wordClass
}

// suffixTable holds the rules in buckets by tail: a word costs one bucket
// probe, usually empty.
type suffixTable [64][]suffixRule

func newSuffixRules(lists map[wordClass]string) *suffixTable {
	var t suffixTable
	for c, words := range lists {
		for _, w := range strings.Fields(words) {
			r := suffixRule{tail: tail3([]byte(w)), suffix: w, class: c}
			t[bucket(r.tail)] = append(t[bucket(r.tail)], r)
		}
	}
	return &t
}

func tail3(k []byte) uint32 {
	n := len(k)
	return uint32(k[n-3])<<16 | uint32(k[n-2])<<8 | uint32(k[n-1])
}

func bucket(tail uint32) uint32 { return tail * 2654435761 >> 26 }

// suffixClass returns the class of the capitalised word i by its ending
// (see suffixRules), 0 for none.
func suffixClass(f *field, i int) wordClass {
	t := f.toks[i]
	if t.Kind != token.Word || !t.Is(token.Upper) || t.Is(token.AllUpper) {
		return 0
	}
	k := f.key(i)
	if len(k) < 7 {
		return 0
	}
	tail := tail3(k)
	for _, r := range suffixRules[bucket(tail)] {
		if r.tail == tail && len(k) >= len(r.suffix)+3 && string(k[len(k)-len(r.suffix):]) == r.suffix {
			return r.class
		}
	}
	return 0
}

// placeHeads are nouns followed by the name of a place: "im Gewerbegebiet
// Grünhagen-Nord", "der Ortsteil Kleinhadern".
var placeHeads = map[string]bool{
	"gewerbegebiet": true, "industriegebiet": true, "stadtteil": true, "ortsteil": true,
	"gemeinde": true, "landkreis": true, "bezirk": true, "dorf": true, "kreisstadt": true,
	"ortschaft": true, "wohngebiet": true, "neubaugebiet": true, "insel": true, "stadtbezirk": true,
}

// orgAround makes an organisation candidate of a head noun and the name
// after it ("Kreisverwaltung Südwestpfalz", "Hochschule für Technik und
// Wirtschaft des Saarlandes", "SC Paderborn") or, failing that, the one
// unknown capitalised word before it ("Leibniz Verlag").
func (s *state) orgAround(f *field, i int) {
	j := s.nameAfter(f, i+1, 3)
	if j == i+1 {
		j = s.connectedName(f, i+1)
	}
	if j == i+1 {
		j = s.placeInName(f, i+1)
	}
	if j > i+1 {
		s.addCandidate(f, i, s.legalFormEnd(f, j), tagging.Organization, "candidate-org-head", 0.5)
		s.heads = append(s.heads, tokenRef{f, i})
		return
	}
	if k := i - 1; k >= 0 && !f.taken[k] && f.toks[k].Kind == token.Word && f.toks[k].Is(token.Upper) &&
		!sentenceInitial(f, k) && s.classOf(f, k) == 0 && !f.toks[k].Is(token.JoinedNext) &&
		(!declined(f.key(k)) || s.placeAdjective(f.key(k))) {
		s.addCandidate(f, k, i+1, tagging.Organization, "candidate-org-head", 0.45)
	}
}

// placeInName returns the end of a place linked at token i that is part of
// the organisation name before it: "Realschule Spaichingen", "TH Zürich",
// "SSV Reutlingen" name the school, the university, the club, not the
// town. The place's link is dropped; i when there is no such place.
func (s *state) placeInName(f *field, i int) int {
	if i >= len(f.toks) || !f.taken[i] || f.toks[i].Is(token.SentenceStart) {
		return i
	}
	for k := range s.ments {
		m := &s.ments[k]
		if m.f != f || m.start != i {
			continue
		}
		if m.entity < 0 || m.candidate != nil || s.entity(m.entity).Type != tagging.Location ||
			f.toks[m.end-1].Is(token.JoinedNext) {
			return i
		}
		m.entity = -1
		return m.end
	}
	return i
}

// declined reports a word with an adjective ending (-e, -en, -er, -es,
// -em): "Medizinischen Hochschule" is a description, not a name.
func declined(k []byte) bool {
	n := len(k)
	switch {
	case n >= 4 && k[n-1] == 'e':
		return true
	case n >= 5 && k[n-2] == 'e':
		switch k[n-1] {
		case 'n', 'r', 's', 'm':
			return true
		}
	}
	return false
}

// connectedName returns the end of "für Technik und Wirtschaft des
// Saarlandes" from token i: small connecting words and capitalised words,
// ending on a capitalised one, at most eight tokens; i when there is none.
func (s *state) connectedName(f *field, i int) int {
	end := i
	for k := i; k < len(f.toks) && k < i+8; k++ {
		t := f.toks[k]
		if f.taken[k] || t.Kind != token.Word || t.Is(token.SentenceStart) {
			break
		}
		if t.Is(token.Upper) && s.classOf(f, k)&cArticle != 0 {
			break // "Schule Die damals …": a run-in heading, not a name
		}
		if t.Is(token.Upper) {
			end = k + 1
		} else if !connectors[string(f.key(k))] || k == i && !orgConnectors[string(f.key(k))] {
			break
		}
	}
	return end
}

// orgConnectors may follow an organisation's head noun: "Stiftung für",
// "Zentrum für". ("der", "des", "zur" too often start a description:
// "Gesellschaft des Kantons", "Initiative zur Gründung".)
var orgConnectors = wordSet(`für`)

// legalFormEnd extends an organisation name at token j over a legal form
// that follows it: "Brauerei Kesselring KG", "Müller GmbH & Co. KG". A
// legal form is capitalised: "Telekom ab 2027" is no Aktiebolag.
func (s *state) legalFormEnd(f *field, j int) int {
	end := j
	for k := j; k < len(f.toks) && k < j+4 && !f.taken[k]; k++ {
		if s.classOf(f, k)&cLegal != 0 && f.toks[k].Is(token.Upper) { // not "ab" for AB
			end = k + 1
		} else if key := f.key(k); string(key) != "&" && string(key) != "co." {
			break
		}
	}
	return end
}

// nameAfter returns the end of a run of at most max proper-name words from
// token i: capitalised, untaken, in one sentence, with name particles
// (von, van, de) inside. It returns i when there is none.
func (s *state) nameAfter(f *field, i, max int) int {
	j, words := i, 0
	for j < len(f.toks) && words < max {
		t := f.toks[j]
		switch {
		case f.taken[j] || t.Is(token.SentenceStart):
			return trimParticles(f, i, j)
		case initial(f, j), regnalNumber(f, j):
		case t.Kind != token.Word:
			return trimParticles(f, i, j)
		case t.Is(token.Upper) && s.classOf(f, j)&(cTitle|cOrgHead|cLegal|cArticle) == 0:
			if words > 0 && s.nounAfterName(f, j) {
				return trimParticles(f, i, j)
			}
		case s.classOf(f, j)&cParticle != 0 && j > i:
		default:
			return trimParticles(f, i, j)
		}
		if !t.Is(token.JoinedNext) && t.Kind == token.Word {
			words++
		}
		j++
	}
	return trimParticles(f, i, j)
}

// nounAfterName reports a German noun at j after a name that is not a
// given name: "Matthew Williams Liebeskummer" ends before the noun; "Anna
// Maria Fischer" does not, a surname may be a noun.
func (s *state) nounAfterName(f *field, j int) bool {
	return !f.toks[j].Is(token.JoinedPrev) && s.classOf(f, j-1)&cGiven == 0 && s.t.isNoun(f.key(j))
}

// regnalNumber reports a Roman number with its full stop after a name:
// the "II." of "Elisabeth II.".
func regnalNumber(f *field, i int) bool {
	t := f.toks[i]
	return t.Kind == token.Abbrev && t.Is(token.AllUpper) && romanNumeral(f.key(i)[:len(f.key(i))-1])
}

// initial reports a single capital letter with its full stop: the "A." of
// "A. Korsakow", the "J." of "Hans J. Schulte", the "G." of "Nico G.".
func initial(f *field, i int) bool {
	t := f.toks[i]
	return t.Kind == token.Abbrev && t.End-t.Start == 2 && t.Is(token.Upper)
}

// speakerEnds reports whether the name [i, j) after a verb of saying is a
// speaker: it ends the clause (a stop, comma, colon or the text end
// follows) and is no calendar word ("sagte Müller." but not "sagte
// Montag, …").
func (s *state) speakerEnds(f *field, i, j int) bool {
	if s.classOf(f, i)&cCalendar != 0 {
		return false
	}
	if j == len(f.toks) {
		return true
	}
	switch f.text[f.toks[j].Start] {
	case '.', ',', ':', ';', '?', '!':
		return true
	}
	return false
}

// trimParticles drops name particles at the end of [i, j).
func trimParticles(f *field, i, j int) int {
	for j > i && particles[string(f.key(j-1))] {
		j--
	}
	return j
}

var particles = map[string]bool{"von": true, "van": true, "de": true, "der": true, "zu": true, "al": true, "bin": true, "da": true, "di": true, "la": true, "le": true,
	"della": true, "del": true, "dos": true, "do": true, "ten": true, "ter": true, "delle": true, "dei": true}

// nameBefore returns the start of up to five capitalised words before
// token i (a legal form), stopping at determiners and lower-case words.
func (s *state) nameBefore(f *field, i int) int {
	start := i
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		t := f.toks[k]
		if f.taken[k] || t.Kind != token.Word && t.Kind != token.Abbrev || !t.Is(token.Upper) || s.classOf(f, k)&cArticle != 0 {
			break
		}
		start = k
		if t.Is(token.SentenceStart) {
			break
		}
	}
	return start
}

// placeLike reports an unknown capitalised word with a German place-name
// ending: Oberwiesenthal, Kleinmachnow, Hückelhoven.
func placeLike(f *field, i int) bool {
	t := f.toks[i]
	if f.taken[i] || t.Kind != token.Word || !t.Is(token.Upper) || t.Is(token.AllUpper) {
		return false
	}
	return placeEnding(f.key(i))
}

// placeEnding reports a word of six or more letters with a German
// place-name ending.
func placeEnding(k []byte) bool {
	if len(k) < 6 {
		return false
	}
	for _, suf := range placeSuffixes {
		if len(k) > len(suf) && string(k[len(k)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

var placeSuffixes = []string{
	"dorf", "hausen", "heim", "burg", "stadt", "berg", "ingen", "feld", "bach", "kirchen",
	"hofen", "rode", "leben", "stedt", "furt", "brucken", "hagen", "walde", "thal", "tal",
	"hoven", "beck", "ow", "itz", "lingen", "weiler", "wang", "zell", "pfalz",
}

// byline makes a person candidate of "Von Anna Berghoff" or "Von: Marek
// Olschewski" opening the body.
func (s *state) byline(f *field) {
	if len(f.toks) < 2 || string(f.key(0)) != "von" {
		return
	}
	i := 1
	if f.toks[1].Kind == token.Punct && f.text[f.toks[1].Start] == ':' {
		i = 2
	}
	for i < len(f.toks) {
		j := s.nameAfter(f, i, 4)
		if j == i {
			return
		}
		s.addCandidate(f, i, j, tagging.Person, "candidate-byline", 0.7)
		if j+1 >= len(f.toks) || string(f.key(j)) != "und" && f.text[f.toks[j].Start] != ',' {
			return
		}
		i = j + 1
	}
}
