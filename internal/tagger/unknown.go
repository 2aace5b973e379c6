// The rules for names no lexicon list knows: capitalised words that are
// no German nouns (see isNoun in noun.go).

package tagger

import (
	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/token"
)

// unknownName makes a candidate of a run of capitalised words inside a
// sentence that are neither in a lexicon list nor German nouns: "für
// Birmingham", "von Corea komponiert", "Dean Whitehead, Grant Leadbitter
// und …". In German only nouns and names are capitalised there, so what
// is no noun is a name — or a noun the lexicon lacks, which is why the
// rule stays away from what nouns stand next to: a determiner or an
// adjective before (einem Konvikt, feinstkörniger Magnetit), a number
// (121,5 MHz), another capitalised word before or after (Champions
// League). unknownType gives the type: a place after in, aus, nach, a
// compass word or at the ends of a route, with a Romance place head or a
// town ending; in a list, the type of the entity before; otherwise a
// person.
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
	case unknownPlacePreps[prev] || compass[prev]:
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
	if endsLike(last, townEndings) {
		return tagging.Location
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

// unknownPlacePreps put a place after them, as the compass words do. Not
// über, durch, um: "über Stanleys Geburtsdatum", "durch Hardiknut", "um
// Thälmann abzuhören".
var unknownPlacePreps = wordSet(`in aus nach nahe`)

// compass words put a place after them, also before "von": "südlich
// Locre", "südlich von Modrava".
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
