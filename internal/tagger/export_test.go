package tagger

// UTF16Len exposes utf16At to the external tests: the UTF-16 length of s.
func UTF16Len(s string) int {
	f := field{text: s}
	return f.utf16At(len(s))
}
