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
	pos    int     // byte offset of the next rune to read
	toks   []Token // tokens so far
	nextAt int     // offset of the next '@' at or after the last look (see atWithin)
}

func (s *scanner) run() {
	for s.pos < len(s.text) {
		switch c := s.text[s.pos]; byteClass[c] {
		case classSpace:
			s.pos++
		case classLower, classUpper, classDigit:
			s.wordLike()
		case classSymbol, classInner:
			s.symbol(rune(c), 1)
		default:
			s.multiByte()
		}
	}
}

// multiByte scans from a rune that is not ASCII.
func (s *scanner) multiByte() {
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

// Byte classes for the scanner's fast paths.
const (
	classSymbol = iota // ASCII punctuation and symbols that end a word
	classSpace
	classLower // a–z
	classUpper // A–Z
	classDigit // 0–9
	classInner // . , ' which may continue a word: 1.500,50, O'Neill
	classLead2 // the first byte of a two-byte rune (U+0080–U+07FF)
	classOther // any other byte of a multi-byte rune or invalid text
)

var byteClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch r := rune(c); {
		case isSpace(r):
			t[c] = classSpace
		case 'a' <= r && r <= 'z':
			t[c] = classLower
		case 'A' <= r && r <= 'Z':
			t[c] = classUpper
		case '0' <= r && r <= '9':
			t[c] = classDigit
		case r == '.' || r == ',' || r == '\'':
			t[c] = classInner
		}
	}
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = classOther
		if 0xc2 <= c && c <= 0xdf {
			t[c] = classLead2
		}
	}
	return t
}()

// What wordEnd needs to know of a two-byte rune: the umlauts, ß and the
// other letters of Latin-1, Latin Extended, Greek and Cyrillic.
const (
	runeWord   = 1 << iota // isWordRune
	runeLetter             // unicode.IsLetter
	runeUpper              // unicode.IsUpper
)

var twoByte = func() (t [0x800]uint8) {
	for r := rune(0x80); r < 0x800; r++ {
		if isWordRune(r) {
			t[r] |= runeWord
		}
		if unicode.IsLetter(r) {
			t[r] |= runeLetter
		}
		if unicode.IsUpper(r) {
			t[r] |= runeUpper
		}
	}
	return t
}()

// wordRune2 returns the twoByte class of the rune at i if it is a valid
// two-byte word rune, and 0 otherwise.
func (s *scanner) wordRune2(i int) uint8 {
	if i+1 >= len(s.text) || s.text[i+1]&0xc0 != 0x80 {
		return 0
	}
	k := twoByte[rune(s.text[i]&0x1f)<<6|rune(s.text[i+1]&0x3f)]
	if k&runeWord == 0 {
		return 0
	}
	return k
}

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
	end, isNum, flags := s.wordEnd(start)
	followed := s.followed(end)
	if followed && s.mayBeLink(start, end) {
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
	flags |= s.joinedPrev(start)
	if !followed {
		s.emit(start, end, kind, flags) // a space or the end follows: nothing to join or keep
		return
	}
	s.finishWord(start, end, kind, flags)
}

// followed reports whether something other than a space or the end of
// the text follows the word ending at end. Only then can the word be part
// of a link: link takes the run up to the next space, which would be the
// word alone, and a word cannot hold "://", "www." or "@".
func (s *scanner) followed(end int) bool {
	return end < len(s.text) && byteClass[s.text[end]] != classSpace
}

// mayBeLink is a cheap test before link: the word is "http…" or "www",
// or an e-mail address may continue after it.
func (s *scanner) mayBeLink(start, end int) bool {
	text := s.text
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
		s.atWithin(end)
}

// atWithin reports whether an '@' occurs in the 64 bytes from i. It
// remembers where the next '@' is, so that the text is searched once
// however many words ask (they ask in order).
func (s *scanner) atWithin(i int) bool {
	if s.nextAt < i {
		s.nextAt = len(s.text)
		if j := strings.IndexByte(s.text[i:], '@'); j >= 0 {
			s.nextAt = i + j
		}
	}
	return s.nextAt < min(len(s.text), i+64)
}

// wordEnd returns the end of the word or number starting at start and
// its case flags (Upper, AllUpper), which it learns on the way.
func (s *scanner) wordEnd(start int) (end int, isNum bool, f Flags) {
	var cc caseCount
	isNum = true
	i := start
	for i < len(s.text) {
		switch byteClass[s.text[i]] {
		case classLower:
			j := s.lowerRun(i + 1)
			cc.add(false, j-i)
			isNum = false
			i = j
			continue
		case classUpper:
			cc.add(true, 1)
			isNum = false
			i++
			continue
		case classDigit:
			i++
			continue
		case classSpace, classSymbol:
			return i, isNum, cc.flags()
		case classLead2:
			if k := s.wordRune2(i); k != 0 {
				if k&runeLetter != 0 {
					cc.add(k&runeUpper != 0, 1)
				}
				isNum = false
				i += 2
				continue
			}
		}
		r, n := s.peek(i)
		switch {
		case isWordRune(r):
			isNum = false
			if unicode.IsLetter(r) {
				cc.add(unicode.IsUpper(r), 1)
			}
		case (r == '.' || r == ',') && isNum && i > start && s.digitAt(i+1):
		case isApostrophe(r) && !isNum && s.letterAt(i+n):
		default:
			return i, isNum, cc.flags()
		}
		i += n
	}
	return i, isNum, cc.flags()
}

// lowerRun returns the end of the run of letters a–z from i.
func (s *scanner) lowerRun(i int) int {
	for i < len(s.text) && byteClass[s.text[i]] == classLower {
		i++
	}
	return i
}

// caseCount counts the letters of a word and its capitals.
type caseCount struct {
	letters, uppers int
	first           Flags // Upper if the first letter is a capital
}

// add counts n letters, capitals if upper.
func (c *caseCount) add(upper bool, n int) {
	if upper {
		if c.letters == 0 {
			c.first = Upper
		}
		c.uppers += n
	}
	c.letters += n
}

// flags returns Upper when the first letter is a capital and AllUpper
// when two or more letters are all capitals.
func (c *caseCount) flags() Flags {
	if c.letters >= 2 && c.letters == c.uppers {
		return c.first | AllUpper
	}
	return c.first
}

func (s *scanner) digitAt(i int) bool {
	return i < len(s.text) && s.text[i] >= '0' && s.text[i] <= '9'
}

func (s *scanner) letterAt(i int) bool {
	r, _ := s.peek(i)
	return r >= 0 && unicode.IsLetter(r)
}

// joinedPrev returns JoinedPrev when a hyphen or slash joins the word at
// start to the previous token, and 0 otherwise.
func (s *scanner) joinedPrev(start int) Flags {
	if len(s.toks) > 0 && s.toks[len(s.toks)-1].Flags&JoinedNext != 0 && s.joinerBefore(start) {
		return JoinedPrev
	}
	return 0
}

// finishWord emits the token [start,end) with its flags and handles what
// directly follows it: a joining hyphen or slash, or a full stop that
// belongs to it.
func (s *scanner) finishWord(start, end int, kind Kind, flags Flags) {
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

// joinerLen returns the length of a hyphen or slash at i, 0 if none.
func (s *scanner) joinerLen(i int) int {
	if i >= len(s.text) {
		return 0
	}
	switch s.text[i] {
	case '-', '/':
		return 1
	case 0xe2: // the first byte of U+2010 and U+2011
		if strings.HasPrefix(s.text[i:], "\u2010") || strings.HasPrefix(s.text[i:], "\u2011") {
			return len("\u2010")
		}
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
	return len(w) <= maxAbbrev && hasLower(abbreviations, w)
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
	case hasLower(monthWords, w):
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
	return prev.Kind == Word && hasLower(ordinalContext, prev.Text(s.text))
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
