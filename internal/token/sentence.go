package token

import "strings"

// markSentences sets SentenceStart and ParagraphStart. A sentence ends at
// . ! ? or … (after closing quotes and brackets) when the next token can
// open a sentence, at a blank line, and at a line break after a line that
// did not end in a comma (a headline or byline line of its own).
func markSentences(text string, toks []Token) {
	if len(toks) == 0 {
		return
	}
	toks[0].Flags |= SentenceStart | ParagraphStart
	pending := false // the last sentence-final mark has not been resolved yet
	for i := 1; i < len(toks); i++ {
		prev, t := toks[i-1], &toks[i]
		if !pending && prev.Kind != Abbrev && spaceOnly(text, prev.End, t.Start) {
			pending = t.Kind == Punct && endsSentence(text, *t)
			continue // the common case: none of the cases below applies
		}
		newline := newlineIn(text, prev.End, t.Start)
		gap := text[prev.End:t.Start]
		switch {
		case newline && isBlankLineGap(gap):
			t.Flags |= SentenceStart | ParagraphStart
		case newline && !isComma(text, prev) && opensSentence(text, *t):
			t.Flags |= SentenceStart
		case pending && closesSentence(text, prev, *t, gap):
			continue // a closing quote or bracket after the stop
		case pending && opensSentence(text, *t):
			t.Flags |= SentenceStart
		case prev.Kind == Abbrev && isTerminal(text, toks, i-1):
			if t.Is(Upper) && hasLower(sentenceStarters, t.Text(text)) {
				t.Flags |= SentenceStart
			}
		}
		pending = t.Kind == Punct && endsSentence(text, *t) || pending && closesSentence(text, prev, *t, gap)
	}
}

// spaceOnly reports a gap text[i:j] of nothing or one space.
func spaceOnly(text string, i, j int) bool {
	return j == i || j == i+1 && text[i] == ' '
}

// newlineIn reports a line break in text[i:j], the gap between two tokens.
func newlineIn(text string, i, j int) bool {
	return j > i && (text[i] == '\n' || j-i > 1 && strings.IndexByte(text[i+1:j], '\n') >= 0)
}

func isBlankLineGap(gap string) bool {
	first := strings.IndexByte(gap, '\n')
	return strings.Contains(gap[first+1:], "\n")
}

func isComma(text string, t Token) bool { return t.Kind == Punct && text[t.Start] == ',' }

func endsSentence(text string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Text(text) {
	case ".", "!", "?", "…", "...":
		return true
	}
	return false
}

// closesSentence reports whether t closes a quote or bracket right after the
// sentence-final mark (no space before it).
func closesSentence(text string, prev, t Token, gap string) bool {
	if gap != "" {
		return false
	}
	switch t.Text(text) {
	case "“", "”", "«", "»", "\"", "'", "’", "‘", "›", "‹", ")", "]":
		return true
	}
	return false
}

// opensSentence reports whether t can be the first token of a sentence.
func opensSentence(text string, t Token) bool {
	switch t.Kind {
	case Word, Abbrev:
		return t.Is(Upper)
	case Number, Ordinal, URL, Email:
		return true
	case Quote:
		return true
	}
	switch t.Text(text) {
	case "(", "[", "-", "–", "—":
		return true
	}
	return false
}

// isTerminal reports an abbreviation at token i that may end a sentence:
// "usw.", "etc.", or the last part of "e. V." or "v. Chr.".
func isTerminal(text string, toks []Token, i int) bool {
	w := toks[i].Text(text)
	if hasLower(terminalAbbreviations, strings.TrimSuffix(w, ".")) {
		return true
	}
	if i == 0 || toks[i-1].Kind != Abbrev {
		return false
	}
	var buf [24]byte
	pair := appendLower(appendLower(buf[:0], toks[i-1].Text(text)), w)
	return terminalPairs[string(pair)]
}
