package token

import "strings"

// link recognises a URL or e-mail address starting at start and returns
// its end. Trailing punctuation that ends the sentence or closes a quote or
// bracket is not part of it.
func (s *scanner) link(start int) (end int, k Kind, ok bool) {
	run := s.text[start:]
	for i := 0; i < len(run); i++ {
		if c := run[i]; c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			run = run[:i]
			break
		}
	}
	switch {
	case hasPrefixFold(run, "http://"), hasPrefixFold(run, "https://"), hasPrefixFold(run, "www."):
		k = URL
	case isEmail(run):
		k = Email
	default:
		return 0, 0, false
	}
	run = strings.TrimRight(run, ".,;:!?)]}>\"'»«“”‘’…")
	return start + len(run), k, len(run) > 4
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isEmail is a deliberately plain check: local@domain.tld with a dot in the
// domain and word characters around the @.
func isEmail(run string) bool {
	at := strings.IndexByte(run, '@')
	if at <= 0 || at == len(run)-1 {
		return false
	}
	domain := strings.TrimRight(run[at+1:], ".,;:!?)]}>\"'»«“”‘’…")
	dot := strings.IndexByte(domain, '.')
	return dot > 0 && dot < len(domain)-1 && !strings.ContainsAny(domain, "@/")
}
