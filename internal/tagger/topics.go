package tagger

import (
	"slices"

	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/token"
	"github.com/schlagwort/schlagwort/internal/topic"
)

// Place weights of words for the topics: the title counts three times,
// the lead twice, the rest once.
const (
	titleWeight = 3
	leadWeight  = 2
)

// topicInput collects what the topic classifier reads: the words with
// the weight of their place, the linked entities and the section.
func (s *state) topicInput(ents []tagging.Entity) topic.Input {
	in := topic.Input{Section: s.a.Section, Words: s.words[:0]}
	for fi := range s.fields {
		f := &s.fields[fi]
		for i, t := range f.toks {
			if !topicWord(t) || f.taken[i] && !s.candidateHead(f, i) {
				continue // names count through their entities, not as words
			}
			w := 1.0
			switch {
			case f.id == tagging.Title:
				w = titleWeight
			case t.Start < f.leadEnd:
				w = leadWeight
			}
			in.Words = append(in.Words, topic.Word{Key: f.key(i), Weight: w})
		}
	}
	s.words = in.Words
	in.Entities = s.topicEnts[:0]
	for _, e := range ents {
		if e.Candidate {
			continue
		}
		g, _ := s.t.g.Entity(e.ID)
		in.Entities = append(in.Entities, topic.Entity{ID: e.ID, Kind: g.Kind(), Topics: g.Topics(), Salience: e.Salience})
	}
	s.topicEnts = in.Entities
	return in
}

// candidateHead reports the head noun of an organisation candidate
// ("Landgericht" of "Landgericht Osnabrück"): the candidate has no kind the
// topics could read, so its head counts as a word.
func (s *state) candidateHead(f *field, i int) bool {
	return slices.Contains(s.heads, tokenRef{f, i})
}

// topicWord selects the words the topic lexicon can name: capitalised
// words (nouns, acronyms such as EZB and WM) and lower-case words of five
// letters or more; short lower-case words are function words.
func topicWord(t token.Token) bool {
	n := t.End - t.Start
	return t.Kind == token.Word && (t.Is(token.Upper) && n >= 2 || n >= 5)
}
