package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanner turns text into tokens. It never copies or changes the text.
type scanner struct {
	// immutable state
	text string

	// scanning state
	pos  int     // byte offset of the next rune to read
	toks []Token // tokens so far
}

func (s *scanner) run() {
	for s.pos < len(s.text) {
		if c := s.text[s.pos]; c < utf8.RuneSelf {
			switch asciiClass[c] {
			case classSpace:
				s.pos++
			case classWord:
				s.wordLike()
			default:
				s.symbol(rune(c), 1)
			}
			continue
		}
		r, n := s.peek(s.pos)
		switch {
		case isSpace(r):
			s.pos += n
		case isWordRune(r):
			s.wordLike()
		default:
			s.symbol(r, n)
		}
	}
}

// ASCII byte classes for the scanner's fast path.
const (
	classSymbol = iota
	classSpace
	classWord
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch r := rune(c); {
		case isSpace(r):
			t[c] = classSpace
		case isWordRune(r):
			t[c] = classWord
		}
	}
	return t
}()

// peek decodes the rune at byte offset i.
func (s *scanner) peek(i int) (rune, int) {
	if i >= len(s.text) {
		return -1, 0
	}
	if c := s.text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s.text[i:])
}

func (s *scanner) emit(start, end int, k Kind, f Flags) {
	s.toks = append(s.toks, Token{Start: start, End: end, Kind: k, Flags: f})
}

// wordLike scans a URL, an e-mail address, a number or a word.
func (s *scanner) wordLike() {
	start := s.pos
	end, isNum := s.wordEnd(start)
	if mayBeLink(s.text, start, end) {
		if end, k, ok := s.link(start); ok {
			s.emit(start, end, k, 0)
			s.pos = end
			return
		}
	}
	kind := Word
	if isNum {
		kind = Number
	}
	s.pos = end
	s.finishWord(start, end, kind)
}

// mayBeLink is a cheap test before link: the word is "http…" or "www",
// or an e-mail address may continue after it.
func mayBeLink(text string, start, end int) bool {
	switch w := text[start:end]; w[0] {
	case 'h', 'H':
		if len(w) >= 4 && hasPrefixFold(w, "http") {
			return true
		}
	case 'w', 'W':
		if len(w) == 3 && strings.EqualFold(w, "www") {
			return true
		}
	}
	return end < len(text) && (text[end] == '@' || text[end] == '.' || text[end] == '+' || text[end] == '-' || text[end] == '_') &&
		strings.IndexByte(text[end:min(len(text), end+64)], '@') >= 0
}

// wordEnd returns the end of the word or number starting at start.
func (s *scanner) wordEnd(start int) (end int, isNum bool) {
	isNum = true
	i := start
	for i < len(s.text) {
		if c := s.text[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			isNum = false
			i++
			continue
		}
		r, n := s.peek(i)
		switch {
		case r >= '0' && r <= '9':
		case isWordRune(r):
			isNum = false
		case (r == '.' || r == ',') && isNum && i > start && s.digitAt(i+1):
		case isApostrophe(r) && !isNum && s.letterAt(i+n):
		default:
			return i, isNum
		}
		i += n
	}
	return i, isNum
}

func (s *scanner) digitAt(i int) bool {
	return i < len(s.text) && s.text[i] >= '0' && s.text[i] <= '9'
}

func (s *scanner) letterAt(i int) bool {
	r, _ := s.peek(i)
	return r >= 0 && unicode.IsLetter(r)
}

// finishWord emits the token [start,end) and handles what directly follows
// it: a joining hyphen or slash, or a full stop that belongs to it.
func (s *scanner) finishWord(start, end int, kind Kind) {
	flags := caseFlags(s.text[start:end])
	if len(s.toks) > 0 && s.toks[len(s.toks)-1].Flags&JoinedNext != 0 && s.joinerBefore(start) {
		flags |= JoinedPrev
	}
	if s.joinerAfter(end) {
		flags |= JoinedNext
		s.emit(start, end, kind, flags)
		s.pos = end + s.joinerLen(end)
		return
	}
	if end < len(s.text) && s.text[end] == '.' && s.keepsStop(start, end, kind) {
		if kind == Number {
			kind = Ordinal
		} else {
			kind = Abbrev
		}
		end++
		s.pos = end
	}
	s.emit(start, end, kind, flags)
}

// joinerAfter reports whether a hyphen or slash at i joins two word parts:
// Ukraine-Krieg, Kim Jong-un, CDU/CSU.
func (s *scanner) joinerAfter(i int) bool {
	n := s.joinerLen(i)
	if n == 0 {
		return false
	}
	r, _ := s.peek(i + n)
	return r >= 0 && isWordRune(r)
}

func (s *scanner) joinerBefore(start int) bool {
	prev := s.toks[len(s.toks)-1]
	return prev.Flags&JoinedNext != 0 && prev.End+s.joinerLen(prev.End) == start
}

func (s *scanner) joinerLen(i int) int {
	r, n := s.peek(i)
	switch r {
	case '-', '/', '\u2010', '\u2011':
		return n
	}
	return 0
}

// keepsStop decides whether the full stop after [start,end) belongs to the
// token: an abbreviation (Dr., z. B.), an initial (Angela D. Merkel), a
// regnal number (Elisabeth II.) or an ordinal (am 3. Oktober).
func (s *scanner) keepsStop(start, end int, kind Kind) bool {
	w := s.text[start:end]
	if kind == Number {
		return s.isOrdinal(w, end+1)
	}
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	if regnal(w) && len(s.toks) > 0 {
		prev := s.toks[len(s.toks)-1]
		return prev.Kind == Word && prev.Is(Upper) // Elisabeth II., Ludwig XIV.
	}
	return len(w) <= maxAbbrev && abbreviations[lower(w)]
}

// regnal reports a Roman number of two to five capitals, as after the
// name of a monarch or a pope: II, XIV.
func regnal(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'I', 'V', 'X', 'L':
		default:
			return false
		}
	}
	return true
}

// isOrdinal decides whether the number num, whose stop ends before next,
// is an ordinal.
func (s *scanner) isOrdinal(num string, next int) bool {
	w := s.nextWord(next)
	switch {
	case w == "":
		return false
	case monthWords[lower(w)]:
		return true
	case isLowerStart(w):
		return true
	case len(s.toks) == 0:
		return true // "1. FC Köln" opening a text, an enumeration
	case len(num) <= 2 && clubPrefixes[w]:
		return true // "zum Bundesligisten 1. FC Nürnberg"
	case len(num) == 4:
		return false // a year before a capitalised word ends the sentence
	}
	prev := s.toks[len(s.toks)-1]
	return prev.Kind == Word && ordinalContext[lower(prev.Text(s.text))]
}

// nextWord returns the letters of the word that follows i after spaces.
func (s *scanner) nextWord(i int) string {
	for i < len(s.text) {
		r, n := s.peek(i)
		if !isSpace(r) || r == '\n' && strings.HasPrefix(s.text[i+n:], "\n") {
			break
		}
		i += n
	}
	j := i
	for j < len(s.text) {
		r, n := s.peek(j)
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return s.text[i:j]
}

// symbol emits punctuation and quotes, one rune each, except "..." and a
// run of dashes.
func (s *scanner) symbol(r rune, n int) {
	start := s.pos
	end := start + n
	kind := Punct
	switch {
	case isQuote(r):
		kind = Quote
	case r == '.' && strings.HasPrefix(s.text[start:], "..."):
		end = start + 3
	}
	s.emit(start, end, kind, 0)
	s.pos = end
}

func caseFlags(w string) Flags {
	var f Flags
	first := true
	letters, uppers := 0, 0
	if c := w[0]; c < utf8.RuneSelf && len(w) > 1 && 'a' <= w[1] && w[1] <= 'z' {
		if 'A' <= c && c <= 'Z' {
			return Upper // the common case: capitalised or lower-case word
		}
		if 'a' <= c && c <= 'z' && isLowerASCII(w) {
			return 0
		}
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		up := unicode.IsUpper(r)
		if up {
			uppers++
		}
		if first && up {
			f |= Upper
		}
		first = false
	}
	if letters >= 2 && letters == uppers {
		f |= AllUpper
	}
	return f
}

func isLowerStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2009', '\u200b':
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '\u201e', '\u201c', '\u201d', '\u00bb', '\u00ab', '\u201a', '\u2018', '\u2019', '\u203a', '\u2039':
		return true
	}
	return false
}

func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
