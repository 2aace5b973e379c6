package match

import (
	"fmt"
	"strings"
	"testing"

	"github.com/schlagwort/schlagwort/internal/token"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

// find returns the first match in text as "surface=entity/form", or "".
func find(ix *Index, text string) []string {
	toks := token.Tokenize(nil, text)
	units, _ := ix.Prepare(nil, nil, text, toks)
	var out []string
	for i := 0; i < len(units); {
		m, ok := ix.Longest(units, i)
		if !ok {
			i++
			continue
		}
		ts := ix.Targets(nil, m, units)
		surface := text[toks[m.Start].Start:toks[m.End-1].End]
		out = append(out, surface+"="+names[ts[0].Entity]+"/"+formNames[m.Forms])
		i = m.End
	}
	return out
}

var names = []string{"russland", "deutsche-bank", "medwedew", "who", "kim", "vae", "muenchen", "essen", "max-planck", "sankt-petersburg", "mainz", "main", "uber", "cdu-sachsen"}

var formNames = map[Form]string{Exact: "exact", Declined: "declined", Loose: "loose"}

func testIndex() *Index {
	b := NewBuilder(16)
	for i, a := range []string{"Russland", "Deutsche Bank", "Medwedew", "WHO", "Kim Jong-un", "Vereinigte Arabische Emirate", "München", "Essen", "Max-Planck-Gesellschaft", "Sankt Petersburg", "Mainz", "Main", "Uber", "sächsische CDU"} {
		b.Add(int32(i), 0, a, a == "Essen")
	}
	b.Protect("Hans")
	return b.Build()
}

func TestLongest(t *testing.T) {
	ix := testIndex()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"genitive", "Die Lage Russlands.", []string{"Russlands=russland/declined"}},
		{"declined adjective", "Chef der Deutschen Bank", []string{"Deutschen Bank=deutsche-bank/declined"}},
		{"dative plural and adjectives", "in den Vereinigten Arabischen Emiraten", []string{"Vereinigten Arabischen Emiraten=vae/declined"}},
		{"transliteration", "Medvedev sagte", []string{"Medvedev=medwedew/loose"}},
		{"transliteration inside a name", "Kim Yong-Un kam", []string{"Kim Yong-Un=kim/loose"}},
		{"hyphen and space variants", "Kim Jong Un und die Max Planck Gesellschaft", []string{"Kim Jong Un=kim/exact", "Max Planck Gesellschaft=max-planck/exact"}},
		{"umlaut transcription", "in Muenchen", []string{"Muenchen=muenchen/exact"}},
		{"umlauts are letters, not accents", "Über Uber", []string{"Uber=uber/exact"}},
		{"lower-case adjectives inside names are declined", "der sächsischen CDU", []string{"sächsischen CDU=cdu-sachsen/declined"}},
		{"St. and Sankt", "St. Petersburg", []string{"St. Petersburg=sankt-petersburg/exact"}},
		{"acronym only in capitals", "who knows, the WHO knows", []string{"WHO=who/exact"}},
		{"capitalised alias words need capitals", "wir essen in Essen", []string{"Essen=essen/exact"}},
		{"no match across sentences", "Deutsche. Bank", nil},
		{"exact beats a loose reading of another name", "des Mains", []string{"Mains=main/declined"}},
		{"compound part", "Russland-Sanktionen", []string{"Russland=russland/exact"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(ix, tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("got %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestProtectedWordsAreNotInflected(t *testing.T) {
	b := NewBuilder(4)
	b.Add(0, 0, "Han", false)
	b.Protect("Hans")
	ix := b.Build()
	if got := find(ix, "Hans kam."); len(got) != 0 {
		t.Errorf("Hans matched Han: %q", got)
	}
	b = NewBuilder(4)
	b.Add(0, 0, "Han", false)
	if got := find(b.Build(), "Hans kam."); len(got) != 1 {
		t.Errorf("without protection Hans reads as genitive of Han: %q", got)
	}
}

func TestIDs(t *testing.T) {
	ix := testIndex()
	if ids := ix.IDs("Kim"); len(ids) != 1 {
		t.Errorf("IDs(Kim) = %v", ids)
	}
	if ids := ix.IDs("Unbekannt"); ids != nil {
		t.Errorf("IDs of an unknown word = %v, want nil", ids)
	}
}

func TestWordIDsSurviveGrowth(t *testing.T) {
	b := NewBuilder(1) // the word table grows many times
	ids := make(map[string]uint32)
	for i := range 20000 {
		key := fmt.Sprintf("wort%d", i)
		ids[key] = b.Word(key)
	}
	ix := b.Build()
	seen := make(map[uint32]bool)
	for key, id := range ids {
		if got := ix.Lookup([]byte(key)); got != id {
			t.Fatalf("Lookup(%q) = %d, want %d", key, got, id)
		}
		if seen[id] {
			t.Fatalf("id %d given twice", id)
		}
		seen[id] = true
	}
	if got := ix.Lookup([]byte("kein wort")); got != 0 {
		t.Errorf("Lookup of an unknown word = %d, want 0", got)
	}
}

// TestSameTagWordsKeptApart inserts two words whose hashes share the low
// 32 bits (the tag a slot keeps) and the home slot of a small table: both
// must keep their own ids.
func TestSameTagWordsKeptApart(t *testing.T) {
	tab := newWordTable(4) // 16 slots: the home is the top 4 bits
	m1 := uint64(0x00000000_00abcdef)
	m2 := uint64(0x08000000_00abcdef) // the same top 4 bits, the same tag
	id1, id2 := tab.id(m1), tab.id(m2)
	if id1 == id2 {
		t.Fatalf("two words share id %d", id1)
	}
	for _, c := range []struct {
		m  uint64
		id uint32
	}{{m1, id1}, {m2, id2}, {m1, id1}} {
		if got := tab.id(c.m); got != c.id {
			t.Errorf("id(%#x) = %d, want %d", c.m, got, c.id)
		}
		if got, _ := tab.get(c.m); got != c.id {
			t.Errorf("get(%#x) = %d, want %d", c.m, got, c.id)
		}
	}
}

// TestCasePatternsBeyondLimit: an index holds maxPatterns case patterns;
// aliases with a pattern beyond them match regardless of case, the
// others keep their case rules.
func TestCasePatternsBeyondLimit(t *testing.T) {
	b := NewBuilder(maxPatterns + 2)
	b.Add(0, 0, "WHO", false)
	// Thirteen words in mixes of capitals: patterns enough to fill the table.
	for i := range maxPatterns {
		words := make([]string, 13)
		for w := range words {
			words[w] = "wort"
			if i>>w&1 != 0 {
				words[w] = "Wort"
			}
		}
		b.Add(int32(i+1), 0, strings.Join(words, " "), false)
	}
	last := int32(maxPatterns + 1)
	b.Add(last, 0, "HANS Meier Zweiundzwanzig", false) // a pattern not seen yet
	ix := b.Build()
	if len(ix.cases) != maxPatterns {
		t.Fatalf("%d case patterns, want %d", len(ix.cases), maxPatterns)
	}
	for _, tc := range []struct {
		text string
		want int32 // -1: no match
	}{
		{"the WHO", 0},
		{"who knows", -1},
		{"HANS Meier Zweiundzwanzig", last},
		{"hans meier zweiundzwanzig", last}, // beyond the limit: any case
	} {
		if got := firstEntity(ix, tc.text); got != tc.want {
			t.Errorf("%q: entity %d, want %d", tc.text, got, tc.want)
		}
	}
}

// firstEntity returns the entity of the first match in text, -1 for none.
func firstEntity(ix *Index, text string) int32 {
	toks := token.Tokenize(nil, text)
	units, _ := ix.Prepare(nil, nil, text, toks)
	for i := range units {
		if m, ok := ix.Longest(units, i); ok {
			if ts := ix.Targets(nil, m, units); len(ts) > 0 {
				return ts[0].Entity
			}
		}
	}
	return -1
}

// TestBuildInParts builds an index large enough for Build to work on its
// edges and nodes in several parts at once (see inParts) and finds every
// alias in it. (go test -race checks the parts for conflicts.)
func TestBuildInParts(t *testing.T) {
	const n = 4 * minPart
	b := NewBuilder(n)
	alias := func(i int) string { return fmt.Sprintf("Vorname%d Mittel%d Nachname%d", i%97, i%1013, i) }
	for i := range n {
		b.Add(int32(i), 0, alias(i), false)
	}
	ix := b.Build()
	if ix.inner < 2*minPart {
		t.Fatalf("%d inner nodes: too few for parts", ix.inner)
	}
	for i := 0; i < n; i += 7 {
		if got := firstEntity(ix, "Heute sprach "+alias(i)+" in Köln."); got != int32(i) {
			t.Fatalf("%s: entity %d, want %d", alias(i), got, i)
		}
	}
}
