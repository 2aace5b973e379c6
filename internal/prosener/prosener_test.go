package prosener

import (
	"os"
	"strings"
	"testing"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

func TestSpansHaveOffsets(t *testing.T) {
	text := "Barack Obama visited Paris and Berlin."
	for _, s := range New().Spans(text) {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("bad span %+v", s)
		}
	}
}

// TestSentenceGold measures prose's splitter on the project's German
// sentence cases. It only reports: the point of the figure is comparison
// (the README quotes it), not a bar prose must pass.
func TestSentenceGold(t *testing.T) {
	data, err := os.ReadFile("../../testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	tg := New()
	blocks := strings.Split(string(data), "\n---\n")
	correct := 0
	for _, block := range blocks {
		var want []string
		for _, l := range strings.Split(block, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				want = append(want, l)
			}
		}
		got := tg.Sentences(strings.Join(want, " "))
		if strings.Join(got, "\n") == strings.Join(want, "\n") {
			correct++
		}
	}
	if correct == 0 || correct > len(blocks) {
		t.Fatalf("prose split %d of %d blocks: the measurement itself is broken", correct, len(blocks))
	}
	t.Logf("prose splits %d of %d German sentence blocks correctly", correct, len(blocks))
}
