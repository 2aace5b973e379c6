package token

import (
	"testing"
	"unicode/utf8"
)

// checkInvariants fails when tokens are out of order, overlap, leave the
// text or split a UTF-8 sequence of valid text (an invalid byte is a token
// of its own).
func checkInvariants(t *testing.T, text string, toks []Token) {
	t.Helper()
	last := 0
	for i, tok := range toks {
		if tok.Start < last || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order or bounds (previous end %d, len %d)", i, tok.Start, tok.End, last, len(text))
		}
		splits := !utf8.RuneStart(text[tok.Start]) || tok.End < len(text) && !utf8.RuneStart(text[tok.End])
		if splits && utf8.ValidString(text) {
			t.Fatalf("token %d [%d,%d) splits a UTF-8 sequence", i, tok.Start, tok.End)
		}
		last = tok.End
	}
	if len(toks) > 0 && !toks[0].Is(SentenceStart) {
		t.Fatalf("first token is not a sentence start")
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"„Wir bleiben“, sagte Kim Jong-un am 3. Oktober in Wladiwostok.",
		"Mehr: https://example.de/a?b=1. Mail: a@b.de!",
		"1.500,50 Euro; z. B. Dr. Müller… »Ja?« ‚nein‘ Scholz’ CDU/CSU-Fraktion",
		"\n\n- . .. ... 3. x\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Tokenize(nil, text))
	})
}
