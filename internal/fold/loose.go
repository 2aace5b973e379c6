package fold

// AppendLoose appends the loose form of a folded key (from AppendKey) to
// dst: the transliteration rewrites below, then doubled letters collapsed.
// Medwedew and Medvedev, Chodorkowski and Khodorkovsky, Selenskyj and
// Zelensky, Jong and Yong get the same loose key.
//
//	tsch, tch → ch   sch, zh → sh   kh → ch   ph → f   th → t   ck → k
//	x → ks   v → w   y, j → i   z → s   ou → u
func AppendLoose(dst []byte, key []byte) []byte {
	start := len(dst)
	for i := 0; i < len(key); {
		if !LooseLetter[key[i]] { // most letters: copy the run up to the next rewrite
			j := i + 1
			for j < len(key) && !LooseLetter[key[j]] {
				j++
			}
			dst = append(dst, key[i:j]...)
			i = j
			continue
		}
		n, out := LooseAt(key, i)
		dst = append(dst, out...)
		i += n
	}
	return collapse(dst, start)
}

// LooseLetter marks the bytes where a loose rewrite can start; all others
// stay as they are.
var LooseLetter = func() (t [256]bool) {
	for _, c := range "tszkpcoxvyj" {
		t[c] = true
	}
	return t
}()

// LooseAt rewrites the letters of a folded key at position i: it returns
// how many bytes it consumed and what they become (before doubled letters
// are collapsed). Callers that only need a hash of the loose key stream it
// with this instead of building it.
func LooseAt(key []byte, i int) (int, string) {
	var next byte
	if i+1 < len(key) {
		next = key[i+1]
	}
	n, out := looseAt(key[i], next, key[i:])
	return n + 1, out
}

// looseAt rewrites the letters at key[0] (c, followed by next): it returns
// how many letters beyond the first it consumed, and what to write.
func looseAt(c, next byte, key []byte) (int, string) {
	switch c {
	case 't':
		switch {
		case next == 's' && hasAt(key, "tsch"):
			return 3, "ch"
		case next == 'c' && hasAt(key, "tch"):
			return 2, "ch"
		case next == 'h':
			return 1, "t"
		}
	case 's':
		if next == 'c' && hasAt(key, "sch") {
			return 2, "sh"
		}
	case 'z':
		if next == 'h' {
			return 1, "sh"
		}
		return 0, "s"
	case 'k':
		if next == 'h' {
			return 1, "ch"
		}
	case 'p':
		if next == 'h' {
			return 1, "f"
		}
	case 'c':
		if next == 'k' {
			return 1, "k"
		}
	case 'o':
		if next == 'u' {
			return 1, "u"
		}
	case 'x':
		return 0, "ks"
	case 'v':
		return 0, "w"
	case 'y', 'j':
		return 0, "i"
	}
	return 0, letters[int(c) : int(c)+1]
}

// letters holds every byte value once, so a byte can be returned as a
// string without allocating.
var letters = func() string {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	return string(b)
}()

func hasAt(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[:len(s)]) == s
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
