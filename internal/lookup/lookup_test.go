package lookup

import (
	"cmp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/schlagwort/schlagwort/gazetteers"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagging"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

func TestWithinOneEdit(t *testing.T) {
	for _, tc := range []struct {
		typed, name string
		want        bool
	}{
		{"wladiwostk", "wladiwostok", true},   // a letter missing
		{"wladiwoostok", "wladiwostok", true}, // a letter too many
		{"wladiwastok", "wladiwostok", true},  // a letter wrong
		{"selenskj", "selenskyj", true},
		{"munch", "muenchen", true},
		{"wladiwstk", "wladiwostok", false}, // two letters missing
		{"berlin", "bern", false},
		{"kiew", "kyjiw", false},
		{"abc", "", false},
		{"münch", "münchen", true},
		{"mönchen", "münchen", true}, // a two-byte rune wrong
		{"mnchen", "münchen", true},  // a two-byte rune missing
		{"müünchen", "münchen", true},
		{"mönchän", "münchen", false},
		{"köln", "koln", true},
	} {
		if got := withinOneEdit(tc.typed, tc.name); got != tc.want {
			t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tc.typed, tc.name, got, tc.want)
		}
	}
}

// withinOneEditRunes is the rune-by-rune definition withinOneEdit must
// agree with.
func withinOneEditRunes(typed, name string) bool {
	t, n := []rune(typed), []rune(name)
	i := 0
	for i < len(t) && i < len(n) && t[i] == n[i] {
		i++
	}
	if i == len(t) {
		return true
	}
	has := func(s, p []rune) bool { return len(p) <= len(s) && string(s[:len(p)]) == string(p) }
	rest := t[i+1:]
	return has(n[min(i+1, len(n)):], rest) || has(n[i:], rest) || (i+1 <= len(n) && has(n[i+1:], t[i:]))
}

// FuzzWithinOneEdit: the byte-wise check agrees with the rune-wise one on
// valid UTF-8.
func FuzzWithinOneEdit(f *testing.F) {
	f.Add("wladiwostk", "wladiwostok")
	f.Add("mönchen", "münchen")
	f.Add("ab", "")
	f.Fuzz(func(t *testing.T, typed, name string) {
		if !utf8.ValidString(typed) || !utf8.ValidString(name) {
			t.Skip()
		}
		if got, want := withinOneEdit(typed, name), withinOneEditRunes(typed, name); got != want {
			t.Fatalf("withinOneEdit(%q, %q) = %v, rune-wise %v", typed, name, got, want)
		}
	})
}

// BenchmarkSuggestTypo: a prefix with a typo on the default gazetteer, the
// case that checks every name.
func BenchmarkSuggestTypo(b *testing.B) {
	g, err := gazetteer.Load(gazetteer.Layer{Name: "default", FS: gazetteers.FS})
	if err != nil {
		b.Fatal(err)
	}
	ix := New(g)
	b.ResetTimer()
	for b.Loop() {
		if len(ix.Suggest("Wladiwostk", 5, tagging.Unknown)) == 0 {
			b.Fatal("no suggestion")
		}
	}
	b.ReportMetric(float64(len(ix.names)), "names")
}

// compare compares the keys of a and b like strings.Compare, without
// finding their ends first: the straightforward sort that sortNames must
// agree with (TestSortNames) and that New used before it.
func (ix *Index) compare(a, b entry) int {
	k := ix.keys
	for i, j := int(a), int(b); ; i, j = i+1, j+1 {
		switch ca, cb := k[i], k[j]; {
		case ca == '\n' && cb == '\n':
			return 0
		case ca == '\n': // a prefix comes first
			return -1
		case cb == '\n':
			return 1
		case ca != cb:
			return cmp.Compare(ca, cb)
		}
	}
}

func TestCompareAgreesWithStrings(t *testing.T) {
	keys := []string{"ab", "abc", "a", "", "ab\x05", "b", "ab c", "abc"}
	ix := &Index{}
	var entries []entry
	for _, k := range keys {
		entries = append(entries, entry(len(ix.keys)))
		ix.keys += k + "\n"
	}
	for i, a := range entries {
		for j, b := range entries {
			if got, want := ix.compare(a, b), strings.Compare(keys[i], keys[j]); got != want {
				t.Errorf("compare(%q, %q) = %d, want %d", keys[i], keys[j], got, want)
			}
		}
	}
}

func TestNamesSorted(t *testing.T) {
	g, err := gazetteer.Load(gazetteer.Layer{Name: "default", FS: gazetteers.FS})
	if err != nil {
		t.Fatal(err)
	}
	ix := New(g)
	for i := 1; i < len(ix.names); i++ {
		a, b := ix.names[i-1], ix.names[i]
		if c := strings.Compare(ix.key(a), ix.key(b)); c > 0 || c == 0 && ix.ent(a) > ix.ent(b) {
			t.Fatalf("names %d and %d out of order: %q (entity %d), %q (entity %d)", i-1, i, ix.key(a), ix.ent(a), ix.key(b), ix.ent(b))
		}
	}
}
