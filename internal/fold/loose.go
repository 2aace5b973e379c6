package fold

// looseRules rewrite a folded key so that the common German, English and
// French transliterations of Cyrillic, Korean and Arabic names coincide.
// Order matters: longer patterns first.
var looseRules = []struct{ from, to string }{
	{"tsch", "ch"}, {"tch", "ch"}, {"sch", "sh"}, {"zh", "sh"},
	{"kh", "ch"}, {"ph", "f"}, {"th", "t"}, {"ck", "k"}, {"x", "ks"},
	{"v", "w"}, {"y", "i"}, {"j", "i"}, {"z", "s"}, {"ou", "u"},
}

// AppendLoose appends the loose form of a folded key (from AppendKey) to
// dst: transliteration rewrites, then doubled letters collapsed.
// Medwedew and Medvedev, Chodorkowski and Khodorkovsky, Selenskyj and
// Zelensky, Jong and Yong get the same loose key.
func AppendLoose(dst []byte, key []byte) []byte {
	start := len(dst)
	for i := 0; i < len(key); {
		n, to := looseAt(key[i:])
		if n == 0 {
			dst = append(dst, key[i])
			i++
			continue
		}
		dst = append(dst, to...)
		i += n
	}
	return collapse(dst, start)
}

func looseAt(b []byte) (int, string) {
	switch b[0] {
	case 't', 's', 'z', 'k', 'p', 'c', 'x', 'v', 'y', 'j', 'o':
	default:
		return 0, ""
	}
	for _, r := range looseRules {
		if len(b) >= len(r.from) && string(b[:len(r.from)]) == r.from {
			return len(r.from), r.to
		}
	}
	return 0, ""
}

// collapse removes doubled bytes in dst[start:].
func collapse(dst []byte, start int) []byte {
	w := start
	for i := start; i < len(dst); i++ {
		if w > start && dst[w-1] == dst[i] {
			continue
		}
		dst[w] = dst[i]
		w++
	}
	return dst[:w]
}

// Loose returns the loose key of s.
func Loose(s string) string { return string(AppendLoose(nil, AppendKey(nil, s))) }
