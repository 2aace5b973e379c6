package eval

import (
	"fmt"
	"io"
)

// Counts holds the outcome of matching predictions against gold spans.
type Counts struct{ TP, FP, FN int }

// Precision returns TP/(TP+FP), or 0 when there are no predictions.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP/(TP+FN), or 0 when there are no gold spans.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall, or 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func (c Counts) add(d Counts) Counts {
	return Counts{TP: c.TP + d.TP, FP: c.FP + d.FP, FN: c.FN + d.FN}
}

// Report is the result of Score.
type Report struct {
	Types     map[string]Counts // keys "PER", "LOC", "ORG"
	Sentences int
	Ignored   int // predictions that overlapped an OTH, deriv or part gold span
	Errors    []Error
}

// Error is a false positive or a missed gold span, for reading what went
// wrong ("schlagwort eval --errors").
type Error struct {
	Line     int    // line of the sentence's first token in the file
	Kind     string // "FP" or "FN"
	Type     string // PER, LOC or ORG
	Text     string // the predicted or gold span
	Sentence string
}

// Total returns the micro-average over PER, LOC and ORG.
func (r Report) Total() Counts {
	var total Counts
	for _, typ := range scored {
		total = total.add(r.Types[typ])
	}
	return total
}

// Score runs t on every sentence and matches its spans against the outer gold
// spans: a prediction is right only if it covers exactly the tokens of a PER,
// LOC or ORG gold span of its type. Predictions overlapping an OTH, deriv or
// part span are ignored; those of other types than PER, LOC, ORG are dropped.
func Score(sentences []Sentence, t Tagger) Report {
	r := Report{Types: make(map[string]Counts), Sentences: len(sentences)}
	for _, typ := range scored {
		r.Types[typ] = Counts{}
	}
	for i := range sentences {
		s := &sentences[i]
		r.score(s, t.Spans(s.Text))
	}
	return r
}

// score adds the outcome of the predictions preds for sentence s to r.
func (r *Report) score(s *Sentence, preds []Span) {
	matched := make([]bool, len(s.Gold))
	for _, p := range unique(preds) {
		first, last, exact := s.tokenRange(p)
		switch {
		case s.overlapsUncounted(first, last):
			r.Ignored++
		case exact && s.match(first, last, p.Type, matched):
			r.count(p.Type, Counts{TP: 1})
		default:
			r.count(p.Type, Counts{FP: 1})
			r.Errors = append(r.Errors, Error{s.Line, "FP", p.Type, s.Text[p.Start:p.End], s.Text})
		}
	}
	for i, g := range s.Gold {
		if g.counts() && !matched[i] {
			r.count(g.Class, Counts{FN: 1})
			text := s.Text[s.Tokens[g.First].Start:s.Tokens[g.Last].End]
			r.Errors = append(r.Errors, Error{s.Line, "FN", g.Class, text, s.Text})
		}
	}
}

// WriteErrors writes one line per error: file:line, FP or FN, the type,
// the span and its sentence, tab-separated.
func (r Report) WriteErrors(w io.Writer, name string) error {
	for _, e := range r.Errors {
		if _, err := fmt.Fprintf(w, "%s:%d\t%s\t%s\t%s\t%s\n", name, e.Line, e.Kind, e.Type, e.Text, e.Sentence); err != nil {
			return err
		}
	}
	return nil
}

func (r *Report) count(typ string, d Counts) {
	r.Types[typ] = r.Types[typ].add(d)
}

// unique returns the spans of scored types in preds without duplicates.
func unique(preds []Span) []Span {
	seen := make(map[Span]bool, len(preds))
	var out []Span
	for _, p := range preds {
		if isScored(p.Type) && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// tokenRange returns the first and last token that p overlaps, first > last
// if none, and whether p starts and ends exactly on those tokens' bounds.
func (s *Sentence) tokenRange(p Span) (first, last int, exact bool) {
	first, last = len(s.Tokens), -1
	if p.Start >= p.End {
		return first, last, false
	}
	for i, tok := range s.Tokens {
		if tok.Start < p.End && p.Start < tok.End {
			first, last = min(first, i), i
		}
	}
	if first > last {
		return first, last, false
	}
	return first, last, p.Start == s.Tokens[first].Start && p.End == s.Tokens[last].End
}

// overlapsUncounted reports whether tokens first..last overlap a gold span
// of class OTH or with a deriv or part variant.
func (s *Sentence) overlapsUncounted(first, last int) bool {
	for _, g := range s.Gold {
		if (g.Class == "OTH" || g.Variant != "") && g.First <= last && first <= g.Last {
			return true
		}
	}
	return false
}

// match marks and reports an unmatched counting gold span of type typ on
// exactly the tokens first..last.
func (s *Sentence) match(first, last int, typ string, matched []bool) bool {
	for i, g := range s.Gold {
		if g.counts() && !matched[i] && g.First == first && g.Last == last && g.Class == typ {
			matched[i] = true
			return true
		}
	}
	return false
}

// WriteTo writes r as a table of TP, FP, FN and precision, recall and F1 in
// percent for each type, followed by the micro-averaged total.
func (r Report) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	fmt.Fprintf(cw, "%-5s %6s %6s %6s %6s %6s %6s\n", "type", "TP", "FP", "FN", "P", "R", "F1")
	for _, typ := range scored {
		writeRow(cw, typ, r.Types[typ])
	}
	writeRow(cw, "total", r.Total())
	return cw.n, cw.err
}

func writeRow(w io.Writer, name string, c Counts) {
	fmt.Fprintf(w, "%-5s %6d %6d %6d %6.1f %6.1f %6.1f\n",
		name, c.TP, c.FP, c.FN, 100*c.Precision(), 100*c.Recall(), 100*c.F1())
}

// countWriter counts the bytes written to w and keeps the first error,
// after which it writes nothing more.
type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (cw *countWriter) Write(b []byte) (int, error) {
	if cw.err != nil {
		return 0, cw.err
	}
	n, err := cw.w.Write(b)
	cw.n += int64(n)
	cw.err = err
	return n, err
}
