package topic

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/schlagwort/schlagwort/internal/fold"
)

// TestMatcherAgreesWithNaive compares the trie and the automaton with
// plain string matching on the words of the test articles: the same ids
// in the same order (prefix and exact patterns by length, infix patterns
// by end, longer first), which the evidence lists depend on.
func TestMatcherAgreesWithNaive(t *testing.T) {
	c := defaultClassifier(t)
	keys := patternKeys(c.words)
	inputs, _ := articleInputs(t)
	for _, in := range inputs {
		for _, w := range in.Words {
			if !lettersOnly(string(w.Key)) {
				continue
			}
			got := c.words.infix.scan(w.Key, c.words.start.collect(w.Key, nil))
			if want := naiveMatch(keys, string(w.Key)); !slices.Equal(got, want) {
				t.Fatalf("%s: got %v, want %v", w.Key, got, want)
			}
		}
	}
}

// patternKeys returns the first word of each pattern of m as written
// ("=tor", "*wahl", "bundesliga") and its folded key.
func patternKeys(m *matcher) (keys [][2]string) {
	for _, p := range m.patterns {
		first := strings.Fields(strings.TrimPrefix(p.reason, "word:"))[0]
		keys = append(keys, [2]string{first, fold.Key(strings.TrimLeft(first, "=*"))})
	}
	return keys
}

// naiveMatch finds the patterns with keys in the letters-only word w by
// comparing strings.
func naiveMatch(keys [][2]string, w string) []int32 {
	type hit struct{ end, size, id int }
	var starts, infixes []hit
	for id, k := range keys {
		first, key := k[0], k[1]
		switch {
		case key == "" || !lettersOnly(key):
		case first[0] == '*':
			for i := 0; i+len(key) <= len(w); i++ {
				if w[i:i+len(key)] == key {
					infixes = append(infixes, hit{i + len(key), len(key), id})
				}
			}
		case first[0] == '=' && w == key:
			starts = append(starts, hit{len(key), 1, id}) // after the prefix ids of its length
		case first[0] != '=' && strings.HasPrefix(w, key):
			starts = append(starts, hit{len(key), 0, id})
		}
	}
	slices.SortFunc(starts, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.end, b.end), cmp.Compare(a.size, b.size), cmp.Compare(a.id, b.id))
	})
	slices.SortFunc(infixes, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.end, b.end), cmp.Compare(b.size, a.size), cmp.Compare(a.id, b.id))
	})
	var ids []int32
	for _, h := range append(starts, infixes...) {
		ids = append(ids, int32(h.id))
	}
	return ids
}

func lettersOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
