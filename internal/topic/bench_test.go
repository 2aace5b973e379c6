package topic

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/schlagwort/schlagwort/gazetteers"
	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/token"
)

// BenchmarkClassify measures the classifier alone with the default topic
// lexicon on the words of the test articles, chosen roughly as the tagger
// chooses them (capitalised words and lower-case words of five letters or
// more; names are not left out).
func BenchmarkClassify(b *testing.B) {
	c := defaultClassifier(b)
	inputs, size := articleInputs(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			c.Classify(in)
		}
	}
}

// defaultClassifier builds the classifier of the embedded default lexicon.
func defaultClassifier(tb testing.TB) *Classifier {
	tb.Helper()
	g, err := gazetteer.Load(gazetteer.Layer{Name: "default", FS: gazetteers.FS})
	if err != nil {
		tb.Fatal(err)
	}
	return New(g.Topics)
}

// articleInputs reads the test articles into classifier inputs and
// returns them with the size of their text.
func articleInputs(b testing.TB) ([]Input, int64) {
	b.Helper()
	files, _ := filepath.Glob("../../testdata/articles/*.json")
	var inputs []Input
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var a struct{ Title, Body, Section string }
		if err := json.Unmarshal(data, &a); err != nil {
			b.Fatal(err)
		}
		in := Input{Section: a.Section}
		for _, text := range []string{a.Title, a.Body} {
			for _, t := range token.Tokenize(nil, text) {
				if n := t.End - t.Start; t.Kind == token.Word && (t.Is(token.Upper) && n >= 2 || n >= 5) {
					in.Words = append(in.Words, Word{Key: fold.AppendKey(nil, t.Text(text)), Weight: 1})
				}
			}
			size += int64(len(text))
		}
		inputs = append(inputs, in)
	}
	return inputs, size
}
