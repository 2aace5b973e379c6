package tagger

import "github.com/schlagwort/schlagwort/internal/fold"

// UTF16Len exposes utf16At to the external tests: the UTF-16 length of s.
func UTF16Len(s string) int {
	f := field{text: s}
	return f.utf16At(len(s))
}

// IsNoun exposes isNoun to the external tests.
func (t *Tagger) IsNoun(word string) bool { return t.isNoun([]byte(fold.Key(word))) }
