package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// maxLine is the longest line Read accepts, in bytes.
const maxLine = 1 << 20

// Read parses a GermEval 2014 file. Only the token and outer-tag columns are
// read; a missing nested column, trailing whitespace, CRLF line ends and a
// missing final blank line are accepted. An I- tag that does not continue a
// span of the same class and variant starts one. Errors begin with "name:line: ".
func Read(r io.Reader, name string) ([]Sentence, error) {
	p := &parser{name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	for sc.Scan() {
		p.line++
		if err := p.parseLine(sc.Text()); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: read: %w", name, p.line+1, err)
	}
	p.endSentence()
	return p.sentences, nil
}

// parser holds the state of one Read call.
type parser struct {
	// immutable state
	name string // file name for error messages

	// parsing state
	line      int             // number of the current line, 1-based
	sentences []Sentence      // finished sentences
	cur       *Sentence       // sentence being built; nil between sentences
	text      strings.Builder // text of cur so far
	open      bool            // whether the last span of cur.Gold may be continued by an I- tag
}

// parseLine handles one line of input without its line end.
func (p *parser) parseLine(line string) error {
	if p.line == 1 {
		line = strings.TrimPrefix(line, "\uFEFF")
	}
	line = strings.TrimSpace(line)
	switch {
	case line == "":
		p.endSentence()
	case strings.HasPrefix(line, "#"):
		p.endSentence()
	default:
		return p.parseToken(line)
	}
	return nil
}

// parseToken handles a token line: index, token, outer tag and optional further columns.
func (p *parser) parseToken(line string) error {
	fields := strings.Split(line, "\t")
	if len(fields) < 3 {
		return p.errorf("want at least 3 tab-separated fields (index, token, tag), got %d", len(fields))
	}
	word := strings.TrimSpace(fields[1])
	if word == "" {
		return p.errorf("empty token")
	}
	t, err := parseTag(strings.TrimSpace(fields[2]))
	if err != nil {
		return p.errorf("%w", err)
	}
	p.addToken(word)
	p.addTag(t, len(p.cur.Tokens)-1)
	return nil
}

// addToken appends word to the current sentence, starting one if needed.
func (p *parser) addToken(word string) {
	if p.cur == nil {
		p.cur = &Sentence{Line: p.line}
	}
	if p.text.Len() > 0 {
		p.text.WriteByte(' ')
	}
	start := p.text.Len()
	p.text.WriteString(word)
	p.cur.Tokens = append(p.cur.Tokens, Token{Start: start, End: p.text.Len()})
}

// addTag records the outer tag t of token i of the current sentence.
func (p *parser) addTag(t tag, i int) {
	if t.class == "" {
		p.open = false
		return
	}
	gold := p.cur.Gold
	if !t.begin && p.open {
		if last := &gold[len(gold)-1]; last.Class == t.class && last.Variant == t.variant {
			last.Last = i
			return
		}
	}
	p.cur.Gold = append(gold, GoldSpan{First: i, Last: i, Class: t.class, Variant: t.variant})
	p.open = true
}

// endSentence finishes the current sentence, if any.
func (p *parser) endSentence() {
	if p.cur != nil {
		p.cur.Text = p.text.String()
		p.sentences = append(p.sentences, *p.cur)
	}
	p.cur = nil
	p.text.Reset()
	p.open = false
}

// errorf returns an error for the current line.
func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %w", p.name, p.line, fmt.Errorf(format, args...))
}

// tag is a parsed BIO tag; class is "" for O.
type tag struct {
	begin   bool   // B- rather than I-
	class   string // PER, LOC, ORG, OTH
	variant string // "", "deriv" or "part"
}

// parseTag parses an outer tag such as O, B-PER or I-LOCderiv.
func parseTag(s string) (tag, error) {
	if s == "O" {
		return tag{}, nil
	}
	prefix, rest, ok := strings.Cut(s, "-")
	if !ok || (prefix != "B" && prefix != "I") {
		return tag{}, fmt.Errorf("bad tag %q: want O, B-<class> or I-<class>", s)
	}
	for _, class := range []string{"PER", "LOC", "ORG", "OTH"} {
		v, ok := strings.CutPrefix(rest, class)
		if ok && (v == "" || v == "deriv" || v == "part") {
			return tag{begin: prefix == "B", class: class, variant: v}, nil
		}
	}
	return tag{}, fmt.Errorf("bad tag %q: want class PER, LOC, ORG or OTH with optional suffix deriv or part", s)
}
