// Package eval scores a Tagger against GermEval 2014 files with strict span matching at the outer level.
package eval

// Span is an entity span in a sentence's text: half-open byte offsets into Sentence.Text.
type Span struct {
	Start, End int    // byte offsets into the UTF-8 Sentence.Text, half-open
	Type       string // "PER", "LOC", "ORG" (anything else is ignored)
}

// Tagger finds entity spans in a sentence's text.
type Tagger interface {
	Spans(text string) []Span
}

// Sentence is one sentence of the file: its tokens joined by single spaces.
type Sentence struct {
	Line   int // line number of the sentence's first token line in the file
	Text   string
	Tokens []Token
	Gold   []GoldSpan // outer-level spans in token order; the nested column is not read
}

// Token is a token of a sentence: half-open byte offsets into Sentence.Text.
type Token struct{ Start, End int }

// GoldSpan is an annotated outer-level entity.
type GoldSpan struct {
	First, Last int    // token indexes, inclusive
	Class       string // PER, LOC, ORG, OTH
	Variant     string // "", "deriv" or "part"
}

// scored lists the entity types that are scored, in report order.
var scored = []string{"PER", "LOC", "ORG"}

// isScored reports whether typ is one of the scored types.
func isScored(typ string) bool {
	return typ == "PER" || typ == "LOC" || typ == "ORG"
}

// counts reports whether g is a gold entity that counts for TP and FN.
func (g GoldSpan) counts() bool {
	return g.Variant == "" && isScored(g.Class)
}
