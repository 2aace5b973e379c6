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
	s.unlinkGivenNamePlace()
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
		if !f.toks[i].Is(token.Upper) {
			return // every rule below starts at a listed word or a capital
		}
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
func placeEnding(k []byte) bool { return endsLike(k, placeSuffixes) }

// endsLike reports a word of six or more letters that ends with one of
// the endings and has letters before it.
func endsLike(k []byte, endings []string) bool {
	if len(k) < 6 {
		return false
	}
	for _, suf := range endings {
		if len(k) > len(suf) && string(k[len(k)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// placeSuffixes are the town endings and those that surnames have too.
var placeSuffixes = append([]string{"burg", "berg", "feld", "bach", "hagen", "beck", "ow", "itz", "wang"},
	townEndings...)

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
