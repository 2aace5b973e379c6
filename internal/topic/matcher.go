package topic

import (
	"strings"

	"github.com/schlagwort/schlagwort/internal/fold"
)

// pattern is one lexicon word.
type pattern struct {
	topic  int
	weight float64
	reason string   // "word:" and the entry as written in the lexicon, for the evidence
	rest   [][]byte // further words of a phrase, each a prefix
}

// matcher finds lexicon words in folded article words. Prefix and exact
// patterns sit in one byte trie walked from the start of a word; infix
// patterns ("*wahl") in a second trie walked from every position.
type matcher struct {
	patterns []pattern
	start    trie       // prefix and exact patterns
	infix    *automaton // infix patterns
}

func newMatcher() *matcher { return &matcher{start: newTrie(), infix: newAutomaton()} }

// add registers one lexicon entry of topic with its weight.
func (m *matcher) add(entry string, topic int, weight float64) {
	words := strings.Fields(entry)
	if len(words) == 0 {
		return
	}
	first := words[0]
	p := pattern{topic: topic, weight: weight, reason: "word:" + entry}
	for _, w := range words[1:] {
		p.rest = append(p.rest, []byte(fold.Key(w)))
	}
	id := int32(len(m.patterns))
	m.patterns = append(m.patterns, p)
	switch {
	case strings.HasPrefix(first, "="):
		m.start.add(fold.Key(first[1:]), id, true)
	case strings.HasPrefix(first, "*"):
		m.infix.add(fold.Key(first[1:]), id)
	default:
		m.start.add(fold.Key(first), id, false)
	}
}

// scan adds the evidence of all words to t. Each pattern counts fully at
// its first occurrence (with the weight of its place) and a little for up
// to three repetitions.
func (m *matcher) scan(words []Word, t *tally) {
	for i, w := range words {
		t.ids = m.start.collect(w.Key, t.ids[:0])
		t.ids = m.infix.scan(w.Key, t.ids)
		for _, id := range t.ids {
			p := &m.patterns[id]
			if len(p.rest) > 0 && !phraseAt(words, i+1, p.rest) {
				continue
			}
			n := t.count[id]
			switch {
			case n == 0:
				t.hits = append(t.hits, id)
				t.addPattern(p.topic, p.weight*w.Weight, id)
			case n <= 3:
				t.addPattern(p.topic, wRepeat*p.weight, -1)
			}
			if n < 255 {
				t.count[id] = n + 1
			}
		}
	}
}

// phraseAt reports whether words from i start with the prefixes rest.
func phraseAt(words []Word, i int, rest [][]byte) bool {
	if i+len(rest) > len(words) {
		return false
	}
	for k, r := range rest {
		if !strings.HasPrefix(string(words[i+k].Key), string(r)) {
			return false
		}
	}
	return true
}
