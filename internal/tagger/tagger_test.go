package tagger_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/schlagwort/schlagwort/gazetteers"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/golden"
	"github.com/schlagwort/schlagwort/internal/protoconv"
	"github.com/schlagwort/schlagwort/internal/tagger"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

const testdata = "../../testdata"

var defaultTagger = sync.OnceValue(func() *tagger.Tagger {
	g, err := gazetteer.Load(gazetteer.Layer{Name: "default", FS: gazetteers.FS})
	if err != nil {
		panic(err)
	}
	return tagger.New(g)
})

// article is one test article with its tagging result.
type article struct {
	name string
	a    tagging.Article
	r    tagging.Result
}

// tagFile reads a protojson article and tags it with the default gazetteer.
func tagFile(t *testing.T, f string) (tagging.Article, tagging.Result) {
	t.Helper()
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	a, err := protoconv.ParseJSON(data)
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	r, err := defaultTagger().Tag(&a)
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return a, r
}

func loadArticles(t *testing.T) []article {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testdata, "articles", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	var out []article
	for _, f := range files {
		a, r := tagFile(t, f)
		out = append(out, article{name: strings.TrimSuffix(filepath.Base(f), ".json"), a: a, r: r})
	}
	return out
}

// TestExpectations checks the hand-written expectations in testdata/expect:
// "+ id", "- id", "+ surface => id" and "? TYPE surface".
func TestExpectations(t *testing.T) {
	for _, art := range loadArticles(t) {
		t.Run(art.name, func(t *testing.T) {
			f, err := os.Open(filepath.Join(testdata, "expect", art.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			for n := 1; sc.Scan(); n++ {
				if msg := check(art.r, strings.TrimSpace(sc.Text())); msg != "" {
					t.Errorf("%s.txt:%d: %s", art.name, n, msg)
				}
			}
		})
	}
}

// check returns what is wrong with one expectation line, or "".
func check(r tagging.Result, line string) string {
	switch {
	case line == "" || line[0] == '#':
		return ""
	case strings.HasPrefix(line, "? "):
		typ, surface, _ := strings.Cut(line[2:], " ")
		if !hasMention(r, func(e tagging.Entity) bool { return e.Candidate && e.Type.String() == typ }, surface) {
			return "want candidate " + typ + " " + surface + "; got " + summary(r)
		}
	case strings.Contains(line, " => "):
		surface, id, _ := strings.Cut(line[2:], " => ")
		if !hasMention(r, func(e tagging.Entity) bool { return e.ID == id && !e.Candidate }, surface) {
			return "want " + surface + " => " + id + "; got " + summary(r)
		}
	case strings.HasPrefix(line, "+ "):
		if !hasEntity(r, line[2:]) {
			return "want entity " + line[2:] + "; got " + summary(r)
		}
	case strings.HasPrefix(line, "- "):
		if hasEntity(r, line[2:]) {
			return "do not want entity " + line[2:] + "; got " + summary(r)
		}
	default:
		return "cannot parse expectation " + line
	}
	return ""
}

func hasEntity(r tagging.Result, id string) bool {
	for _, e := range r.Entities {
		if e.ID == id && !e.Candidate {
			return true
		}
	}
	return false
}

func hasMention(r tagging.Result, ok func(tagging.Entity) bool, surface string) bool {
	for _, e := range r.Entities {
		if !ok(e) {
			continue
		}
		for _, m := range e.Mentions {
			if m.Text == surface {
				return true
			}
		}
	}
	return false
}

func summary(r tagging.Result) string {
	var b strings.Builder
	for _, e := range r.Entities {
		b.WriteString("\n\t" + e.ID + ":")
		for _, m := range e.Mentions {
			b.WriteString(" [" + m.Text + "/" + m.Rule + "]")
		}
	}
	return b.String()
}

// TestOffsets checks every mention's byte and UTF-16 offsets against the
// article text.
func TestOffsets(t *testing.T) {
	for _, art := range loadArticles(t) {
		for _, e := range art.r.Entities {
			for _, m := range e.Mentions {
				text := art.a.Text(m.Field)
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("%s: %s mention %q has bad byte offsets [%d,%d)", art.name, e.ID, m.Text, m.Start, m.End)
				}
				u := utf16.Encode([]rune(text))
				got := string(utf16.Decode(u[m.UTF16Start:m.UTF16End]))
				if got != m.Text || m.UTF16Start != len(utf16.Encode([]rune(text[:m.Start]))) {
					t.Fatalf("%s: %s mention %q has bad UTF-16 offsets [%d,%d) -> %q", art.name, e.ID, m.Text, m.UTF16Start, m.UTF16End, got)
				}
			}
		}
	}
}

// TestGolden compares the full responses with testdata/golden; run with
// -update to rewrite them, then review the diff like code.
func TestGolden(t *testing.T) {
	for _, art := range loadArticles(t) {
		art.r.GazetteerVersion = "(any)" // changes with every gazetteer edit; checked in TestVersion
		got, err := protoconv.Marshal(&art.r, true)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden.Check(t, filepath.Join(testdata, "golden", art.name+".golden.json"), got)
	}
}

// FuzzTag tags arbitrary text: it must not panic, and every mention must
// point at exactly its text.
func FuzzTag(f *testing.F) {
	for _, s := range []string{"Putin trifft Kim Jong-un in Wladiwostok.", "zzz Zyxw Übermaß „Bild“ (BAMF) 3. Oktober", "\xff\xfe", "Von: A B\n\nC"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := tagging.Article{Title: "Titel", Body: text}
		r, err := defaultTagger().Tag(&a)
		if err != nil {
			return
		}
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				if a.Text(m.Field)[m.Start:m.End] != m.Text {
					t.Fatalf("mention %q does not match its offsets", m.Text)
				}
			}
		}
	})
}

// TestTopicsGolden keeps the topics of the 45 topic test articles in
// testdata/topics/*.golden.json (id, score, top level, evidence); the
// editors' judgement is in *.topics.txt and scored by schlagwort eval.
func TestTopicsGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testdata, "topics", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") {
			continue
		}
		n++
		a, r := tagFile(t, f)
		if len(r.Topics) == 0 {
			t.Errorf("%s: no topic", f)
		}
		got, err := protoconv.Marshal(&tagging.Result{ArticleID: a.ID, Topics: r.Topics, GazetteerVersion: "(any)"}, true)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, strings.TrimSuffix(f, ".json")+".golden.json", append(got, '\n'))
	}
	if n < 40 {
		t.Fatalf("found %d topic articles, want at least 40", n)
	}
}
