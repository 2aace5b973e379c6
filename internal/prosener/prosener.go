// Package prosener adapts github.com/jdkato/prose/v2, an English NLP
// pipeline, so that its sentence splitting and entity extraction can be
// measured beside Schlagwort's on the same German text.
package prosener

import (
	"strings"

	"github.com/jdkato/prose/v2"

	"github.com/schlagwort/schlagwort/internal/eval"
)

// Tagger runs prose with one shared model; without it prose reloads its
// model on every document.
type Tagger struct {
	model *prose.Model
}

var _ eval.Tagger = (*Tagger)(nil)

// New loads prose's built-in English model once.
func New() *Tagger {
	return &Tagger{model: prose.ModelFromData("shared")}
}

// labels maps prose's entity labels to GermEval classes.
var labels = map[string]string{"PERSON": "PER", "GPE": "LOC", "ORG": "ORG"}

// Spans implements eval.Tagger. prose reports entity texts without
// offsets, so each is located by searching the text left to right.
func (t *Tagger) Spans(text string) []eval.Span {
	doc, err := prose.NewDocument(text, prose.UsingModel(t.model), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	var spans []eval.Span
	pos := 0
	for _, e := range doc.Entities() {
		typ, ok := labels[e.Label]
		i := strings.Index(text[pos:], e.Text)
		if !ok || i < 0 {
			continue
		}
		start := pos + i
		spans = append(spans, eval.Span{Start: start, End: start + len(e.Text), Type: typ})
		pos = start + len(e.Text)
	}
	return spans
}

// Sentences returns prose's sentence segmentation of text.
func (t *Tagger) Sentences(text string) []string {
	doc, err := prose.NewDocument(text, prose.UsingModel(t.model), prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	var out []string
	for _, s := range doc.Sentences() {
		out = append(out, s.Text)
	}
	return out
}
