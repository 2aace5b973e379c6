// Package token splits German news text into tokens and sentences, keeping
// exact byte offsets into the original text, which is never rewritten.
package token

// Kind classifies a token.
type Kind uint8

const (
	Word    Kind = iota // letters and digits: Putin, Nordkoreas, G20, 10er
	Number              // 2026, 1.500,50, 15.03.2026, 2,3
	Ordinal             // a number with its full stop: "3." in "am 3. Oktober"
	Abbrev              // a known abbreviation or initial with its full stop: Dr., z., B., St.
	Punct               // . , ; : ! ? … ( ) - – / and any other symbol
	Quote               // „ “ ” » « ‚ ‘ ’ " ' and the genitive apostrophe
	URL                 // https://example.de/x, www.example.de
	Email               // presse@example.org
)

var kindNames = [...]string{"Word", "Number", "Ordinal", "Abbrev", "Punct", "Quote", "URL", "Email"}

func (k Kind) String() string { return kindNames[k] }

// Flags carry what the matcher needs to know about a token's form and place.
type Flags uint8

const (
	Upper          Flags = 1 << iota // first letter is upper case
	AllUpper                         // two or more letters, all upper case: WHO, KCNA
	JoinedNext                       // a hyphen or slash joins it to the next token: Ukraine|-|Krieg, CDU|/|CSU
	JoinedPrev                       // joined to the previous token by a hyphen or slash
	SentenceStart                    // first token of a sentence
	ParagraphStart                   // first token after a blank line (or of the text)
)

// Token is one token of a text.
type Token struct {
	Start int // byte offset into the UTF-8 text, inclusive
	End   int // byte offset into the UTF-8 text, exclusive
	Kind  Kind
	Flags Flags
}

// Is reports whether all flags in f are set.
func (t Token) Is(f Flags) bool { return t.Flags&f == f }

// Text returns the token's bytes in text.
func (t Token) Text(text string) string { return text[t.Start:t.End] }

// Tokenize splits text into tokens and marks sentence starts. It appends to
// dst (which may be nil) and returns the extended slice, so callers can reuse
// a buffer across calls.
func Tokenize(dst []Token, text string) []Token {
	s := scanner{text: text, toks: dst[:0], nextAt: -1}
	s.run()
	markSentences(text, s.toks)
	return s.toks
}
