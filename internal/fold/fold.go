// Package fold computes the lookup keys under which names are matched:
// lower case without diacritics (Erdoğan = erdogan, Straße = strasse) but
// with German umlauts spelt out (München = Muenchen, while Über ≠ Uber), and
// a looser key that merges German and English transliterations
// (Medwedew = Medvedev, Chodorkowski = Khodorkovsky, Jong = Yong).
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tableSize covers Latin-1 and Latin Extended-A/B, where nearly all letters
// of European names live; other runes are folded on the slow path.
const tableSize = 0x250

// table[r] is the folded form of rune r, computed once from Unicode
// decomposition (golang.org/x/text) plus the letters it does not decompose.
var table [tableSize]string

var special = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'Ä': "ae", 'Ö': "oe", 'Ü': "ue", // German letters, not accents
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ı': "i", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d",
}

func init() {
	for r := rune(0); r < tableSize; r++ {
		table[r] = slowFold(r)
	}
}

// slowFold folds one rune: decompose, drop combining marks, lower-case.
func slowFold(r rune) string {
	if s, ok := special[r]; ok {
		return s
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		if unicode.Is(unicode.Mn, r) || isApostrophe(r) {
			return ""
		}
		return string(r)
	}
	var b strings.Builder
	for _, c := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return b.String()
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

// AppendKey appends the folded key of s to dst. Apostrophes and combining
// marks are dropped; everything else is lower-cased without diacritics.
func AppendKey(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != '\'' {
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < tableSize {
			dst = append(dst, table[r]...)
		} else {
			dst = appendSlow(dst, r)
		}
	}
	return dst
}

// appendSlow appends slowFold(r) for a rune beyond the table without
// building a string when r stays as it is (dashes, quotes, symbols).
func appendSlow(dst []byte, r rune) []byte {
	if _, ok := special[r]; !ok && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		if unicode.Is(unicode.Mn, r) || isApostrophe(r) {
			return dst
		}
		return utf8.AppendRune(dst, r)
	}
	return append(dst, slowFold(r)...)
}

// Key returns the folded key of s.
func Key(s string) string { return string(AppendKey(nil, s)) }

// Transcribe spells out German umlauts the way ASCII text does (München →
// Muenchen), so that both spellings can be registered for a name. It
// returns s unchanged when s has no umlaut.
func Transcribe(s string) string {
	if !strings.ContainsAny(s, "äöüÄÖÜ") {
		return s
	}
	return umlauts.Replace(s)
}

var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")
