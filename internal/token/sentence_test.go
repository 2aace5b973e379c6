package token

import (
	"os"
	"strings"
	"testing"
)

// TestSentenceGold splits the blocks of testdata/sentences.txt: each line
// of a block is one sentence; the input is the lines joined by spaces.
func TestSentenceGold(t *testing.T) {
	data, err := os.ReadFile("../../testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(data), "\n---\n")
	correct := 0
	for i, block := range blocks {
		want := nonEmptyLines(block)
		if len(want) == 0 {
			continue
		}
		text := strings.Join(want, " ")
		got := sentences(text, Tokenize(nil, text))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("block %d:\n got: %q\nwant: %q", i+1, got, want)
			continue
		}
		correct++
	}
	t.Logf("%d of %d blocks split correctly", correct, len(blocks))
}

func nonEmptyLines(block string) []string {
	var out []string
	for _, l := range strings.Split(block, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// sentences cuts text at the sentence starts of toks.
func sentences(text string, toks []Token) []string {
	var out []string
	start := 0
	for i, tok := range toks {
		if i > 0 && tok.Is(SentenceStart) {
			out = append(out, strings.TrimSpace(text[start:tok.Start]))
			start = tok.Start
		}
	}
	return append(out, strings.TrimSpace(text[start:]))
}
