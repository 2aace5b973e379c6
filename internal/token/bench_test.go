package token

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkTokenize measures the tokenizer alone on the test articles.
func BenchmarkTokenize(b *testing.B) {
	files, _ := filepath.Glob("../../testdata/articles/*.json")
	var texts []string
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	b.SetBytes(size)
	var toks []Token
	for b.Loop() {
		for _, t := range texts {
			toks = Tokenize(toks, t)
		}
	}
}
