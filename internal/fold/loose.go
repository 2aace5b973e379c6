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
	for i := 0; i < len(key); i++ {
		c := key[i]
		next := byte(0)
		if i+1 < len(key) {
			next = key[i+1]
		}
		switch {
		case c == 't' && next == 's' && hasAt(key, i, "tsch"):
			dst, i = append(dst, 'c', 'h'), i+3
		case c == 't' && next == 'c' && hasAt(key, i, "tch"):
			dst, i = append(dst, 'c', 'h'), i+2
		case c == 's' && next == 'c' && hasAt(key, i, "sch"):
			dst, i = append(dst, 's', 'h'), i+2
		case c == 'z' && next == 'h':
			dst, i = append(dst, 's', 'h'), i+1
		case c == 'k' && next == 'h':
			dst, i = append(dst, 'c', 'h'), i+1
		case c == 'p' && next == 'h':
			dst, i = append(dst, 'f'), i+1
		case c == 't' && next == 'h':
			dst, i = append(dst, 't'), i+1
		case c == 'c' && next == 'k':
			dst, i = append(dst, 'k'), i+1
		case c == 'o' && next == 'u':
			dst, i = append(dst, 'u'), i+1
		case c == 'x':
			dst = append(dst, 'k', 's')
		default:
			dst = append(dst, looseByte[c])
		}
	}
	return collapse(dst, start)
}

// looseByte maps single letters: v → w, y and j → i, z → s.
var looseByte = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	t['v'], t['y'], t['j'], t['z'] = 'w', 'i', 'i', 's'
	return t
}()

func hasAt(b []byte, i int, s string) bool {
	return len(b)-i >= len(s) && string(b[i:i+len(s)]) == s
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
