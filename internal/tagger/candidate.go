package tagger

import (
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
}

func (s *state) candidateAt(f *field, i int) {
	c := s.classOf(f, i)
	if c == 0 {
		return
	}
	upper := f.toks[i].Is(token.Upper)
	switch {
	case c&cTitle != 0:
		if j := s.nameAfter(f, i+1, 4); j > i+1 {
			s.addCandidate(f, i+1, j, tagging.Person, "candidate-title", 0.6)
		}
	case c&cGiven != 0 && upper:
		if j := s.nameAfter(f, i+1, 3); j > i+1 {
			s.addCandidate(f, i, j, tagging.Person, "candidate-name", 0.5)
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
	if j > i+1 {
		s.addCandidate(f, i, s.legalFormEnd(f, j), tagging.Organization, "candidate-org-head", 0.5)
		return
	}
	if k := i - 1; k >= 0 && !f.taken[k] && f.toks[k].Kind == token.Word && f.toks[k].Is(token.Upper) &&
		!sentenceInitial(f, k) && s.classOf(f, k) == 0 && !f.toks[k].Is(token.JoinedNext) && !declined(f.key(k)) {
		s.addCandidate(f, k, i+1, tagging.Organization, "candidate-org-head", 0.45)
	}
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
// that follows it: "Brauerei Kesselring KG", "Müller GmbH & Co. KG".
func (s *state) legalFormEnd(f *field, j int) int {
	end := j
	for k := j; k < len(f.toks) && k < j+4 && !f.taken[k]; k++ {
		if s.classOf(f, k)&cLegal != 0 {
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
		case f.taken[j] || t.Is(token.SentenceStart) || t.Kind != token.Word:
			return trimParticles(f, i, j)
		case t.Is(token.Upper) && s.classOf(f, j)&(cTitle|cOrgHead|cLegal|cArticle) == 0:
		case s.classOf(f, j)&cParticle != 0 && j > i:
		default:
			return trimParticles(f, i, j)
		}
		if !t.Is(token.JoinedNext) {
			words++
		}
		j++
	}
	return trimParticles(f, i, j)
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

var particles = map[string]bool{"von": true, "van": true, "de": true, "der": true, "zu": true, "al": true, "bin": true, "da": true, "di": true, "la": true, "le": true}

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
	k := f.key(i)
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
	"hoven", "beck", "ow", "itz", "lingen", "weiler", "wang", "zell",
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
