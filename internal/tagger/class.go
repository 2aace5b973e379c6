package tagger

import (
	"strings"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/match"
)

// wordClass marks the lexicon lists a word belongs to. The words are put
// into the match vocabulary, so a token's class costs no extra lookup.
type wordClass uint16

const (
	cTitle          wordClass = 1 << iota // introduces a person: Stadtrat, Dr.
	cGiven                                // a given name
	cLegal                                // a legal form: GmbH, KG
	cOrgHead                              // heads an organisation name: Brauerei
	cPlaceHead                            // heads a place name: Gewerbegebiet
	cLocative                             // a locative preposition: in, aus
	cArticle                              // a determiner: die, der
	cParticle                             // a name particle: von, van, de
	cSpeech                               // a verb of saying: sagte, erklärte, so
	cCalendar                             // a weekday or month: never a surname
	cStreet                               // ends like a street name: -straße (by suffix only, see suffixRules)
	cDeterminer                           // a noun follows: einem, seine, of (see nounContext)
	cNotName                              // capitalised inside a sentence, yet no name: Sie, Mio
	cNotAttributive                       // ends like an adjective but is none: gegen, wieder
	cEnglishHead                          // ends an English organisation name: Laboratory (see englishOrgs)
)

// speechVerbs introduce the speaker in news copy: „…“, sagte Müller.
var speechVerbs = wordSet(`sagte sagt erklärte erklärt betonte betont schrieb meinte
	kritisierte warnte forderte ergänzte berichtete so sagten erklärten`)

// calendarWords look like surnames after a verb of saying but are not.
var calendarWords = wordSet(`montag dienstag mittwoch donnerstag freitag samstag
	sonntag januar februar märz april mai juni juli august september oktober
	november dezember heute gestern morgen`)

// lexiconWords registers the lexicon words in the vocabulary and returns
// their classes by id.
func lexiconWords(g *gazetteer.Gazetteer, b *match.Builder) map[uint32]wordClass {
	out := make(map[uint32]wordClass)
	add := func(words map[string]bool, c wordClass) {
		for w := range words {
			if c == cLegal && len(w) <= 2 && w[len(w)-1] == '.' {
				continue // "V." of "e. V." would make "Ludwig V." a company
			}
			out[b.Word(w)] |= c
		}
	}
	add(g.PersonTitles, cTitle)
	add(g.GivenNames, cGiven)
	add(g.LegalForms, cLegal)
	add(g.OrgHeads, cOrgHead)
	add(placeHeads, cPlaceHead)
	add(locatives, cLocative)
	add(articles, cArticle)
	add(particles, cParticle)
	add(speechVerbs, cSpeech)
	add(calendarWords, cCalendar)
	add(determiners, cDeterminer)
	add(englishWords, cDeterminer)
	add(notNames, cNotName)
	add(notAttributive, cNotAttributive)
	add(englishOrgHeads, cEnglishHead)
	return out
}

// lexiconClasses returns the classes by id, up to the highest id of a
// lexicon word.
func lexiconClasses(words map[uint32]wordClass) []wordClass {
	n := uint32(0)
	for id := range words {
		n = max(n, id)
	}
	class := make([]wordClass, n+1)
	for id, c := range words {
		class[id] = c
	}
	return class
}

// classOf returns the classes of token i of f.
func (s *state) classOf(f *field, i int) wordClass {
	if id := match.ExactID(&f.units[i]); id != 0 && int(id) < len(s.t.class) {
		return s.t.class[id]
	}
	return 0
}

// wordSet folds the words of a list into a set.
func wordSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[fold.Key(w)] = true
	}
	return m
}
