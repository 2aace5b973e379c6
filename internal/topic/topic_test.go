package topic

import (
	"strings"
	"testing"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

var lexicon = []*gazetteer.TopicDef{
	{ID: "medtop:11000000", Label: "Politik", Words: []string{"koalition", "*partei", "minister"}, Kinds: []string{"party"}, Sections: []string{"politik"}},
	{ID: "sw:wahlen", Label: "Wahlen", Parent: "medtop:11000000", Words: []string{"*wahl", "wahlkampf", "=urne"}},
	{ID: "medtop:15000000", Label: "Sport", Strong: []string{"bundesliga", "=tor"}, Words: []string{"trainer", "spieltag"}, Kinds: []string{"club"}},
	{ID: "medtop:04000000", Label: "Wirtschaft und Finanzen", Words: []string{"europaeische zentralbank", "leitzins"}},
}

// words folds a text into topic words of weight 1 (title words weight 3
// when they come before a "|").
func words(text string) []Word {
	var out []Word
	weight := 3.0
	if !strings.Contains(text, "|") {
		weight = 1
	}
	for _, w := range strings.Fields(text) {
		if w == "|" {
			weight = 1
			continue
		}
		out = append(out, Word{Key: fold.AppendKey(nil, strings.Trim(w, ".,")), Weight: weight})
	}
	return out
}

func TestClassify(t *testing.T) {
	c := New(lexicon)
	tests := []struct {
		name string
		in   Input
		want []string // "id>top" in score order
	}{
		{"compounds and inflections reach the finer topic and its top level",
			Input{Words: words("Landtagswahlen | Im Wahlkampf streiten die Parteien über die Koalition. Die Bundestagswahl naht.")},
			[]string{"medtop:11000000>medtop:11000000", "sw:wahlen>medtop:11000000"}},
		{"strong words and entities make sport",
			Input{Words: words("Das Tor fiel am Spieltag der Bundesliga."), Entities: []Entity{{ID: "org/fc", Kind: "club", Salience: 0.8}}},
			[]string{"medtop:15000000>medtop:15000000"}},
		{"an exact word matches only itself",
			Input{Words: words("Das Torwart-Training und die Toreinfahrt.")},
			nil},
		{"phrases need all their words in a row",
			Input{Words: words("Europäische Zentralbank | senkt den Leitzins, sagt die europäische Kommission. Leitzins!")},
			[]string{"medtop:04000000>medtop:04000000"}},
		{"the section counts",
			Input{Section: "Politik", Words: words("Minister | Er sprach.")},
			[]string{"medtop:11000000>medtop:11000000"}},
		{"weak evidence stays below the threshold",
			Input{Words: words("Der Trainer kam.")},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Classify(tt.in)
			var ids []string
			for _, tp := range got {
				ids = append(ids, tp.ID+">"+tp.TopLevelID)
				if tp.Score < threshold || tp.Score > 1 || len(tp.Evidence) == 0 {
					t.Errorf("topic %s: score %v or evidence %v out of shape", tp.ID, tp.Score, tp.Evidence)
				}
			}
			if strings.Join(ids, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %v, want %v (topics %+v)", ids, tt.want, got)
			}
		})
	}
}

func TestEvidenceNamesWordsEntitiesAndSection(t *testing.T) {
	c := New(lexicon)
	got := c.Classify(Input{Section: "Politik", Words: words("Die Koalition und die Parteien."), Entities: []Entity{{ID: "org/spd", Kind: "party"}}})
	if len(got) == 0 {
		t.Fatal("no topic")
	}
	ev := strings.Join(got[0].Evidence, " ")
	for _, want := range []string{"word:koalition", "word:*partei", "entity:org/spd", "section:Politik"} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence %q lacks %q", ev, want)
		}
	}
}

// TestEveryTrigram walks words of every three-letter start through the
// trie's filter (a table sized one word too short once crashed on "zz…").
func TestEveryTrigram(t *testing.T) {
	c := New(lexicon)
	for a := byte('a'); a <= 'z'; a++ {
		for b := byte('a'); b <= 'z'; b++ {
			for d := byte('a'); d <= 'z'; d++ {
				c.Classify(Input{Words: []Word{{Key: []byte{a, b, d, 'x'}, Weight: 1}}})
			}
		}
	}
}
