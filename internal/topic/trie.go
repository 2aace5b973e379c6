package topic

import "fmt"

// trie is a byte trie over the letters a–z whose nodes carry pattern ids:
// prefix ids match any word passing through the node, exact ids only a
// word ending there. Transitions are dense tables: a word costs one table
// lookup per letter, except for its first three letters, which a single
// lookup in a table by trigram replaces (see seal).
type trie struct {
	next   [][26]uint16 // 0: no transition (the root is never a target)
	marks  []uint64     // bit n set: node n carries patterns (see seal)
	prefix [][]int32
	exact  [][]int32
	third  []uint16 // by trigram: the node its three letters lead to, 0 if none
	near   []uint64 // bit set by trigram: a node on the way to third carries patterns
}

func newTrie() trie {
	return trie{next: make([][26]uint16, 1), prefix: [][]int32{nil}, exact: [][]int32{nil}}
}

// add inserts key with pattern id; keys with bytes outside a–z are
// ignored.
func (t *trie) add(key string, id int32, exact bool) {
	if key == "" {
		return
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 'a' || key[i] > 'z' {
			return
		}
	}
	if len(t.next)+len(key) > 1<<16 {
		panic(fmt.Sprintf("topic: the word patterns need more than %d trie nodes (gazetteer.MaxTopicLetters bounds them)", 1<<16))
	}
	n := uint16(0)
	for i := 0; i < len(key); i++ {
		c := letter(key[i])
		if t.next[n][c] == 0 {
			t.next = append(t.next, [26]uint16{})
			t.prefix = append(t.prefix, nil)
			t.exact = append(t.exact, nil)
			t.next[n][c] = uint16(len(t.next) - 1)
		}
		n = t.next[n][c]
	}
	if exact {
		t.exact[n] = append(t.exact[n], id)
	} else {
		t.prefix[n] = append(t.prefix[n], id)
	}
}

const trigrams = 26 * 26 * 26

func trigram(a, b, c byte) int { return (letter(a)*26+letter(b))*26 + letter(c) }

// collect appends the ids of every prefix pattern key starts with and
// every exact pattern equal to key. A key of three letters or more starts
// at the node its first three letters lead to, unless a pattern ends on
// the way there; a key whose first three bytes are not all letters
// matches nothing.
func (t *trie) collect(key []byte, dst []int32) []int32 {
	if len(key) < 3 {
		return t.walk(key, 0, 0, dst)
	}
	for _, b := range key[:3] {
		if b < 'a' || b > 'z' {
			return dst
		}
	}
	g := trigram(key[0], key[1], key[2])
	if t.near[g/64]&(1<<(g%64)) != 0 {
		return t.walk(key, 0, 0, dst)
	}
	if n := t.third[g]; n != 0 {
		return t.walk(key, 3, n, dst)
	}
	return dst
}

// walk continues collect from node n, reached by key[:i].
func (t *trie) walk(key []byte, i int, n uint16, dst []int32) []int32 {
	for ; i < len(key); i++ {
		b := key[i]
		if b < 'a' || b > 'z' {
			return dst
		}
		if n = t.next[n][letter(b)]; n == 0 {
			return dst
		}
		if t.marks[n/64]&(1<<(n%64)) != 0 { // a node with patterns
			dst = append(dst, t.prefix[n]...)
			if i == len(key)-1 {
				dst = append(dst, t.exact[n]...)
			}
		}
	}
	return dst
}

// seal records the nodes that carry patterns in a small bit set, so that
// collect touches the pattern lists only there, and fills the tables by
// trigram. No add after seal.
func (t *trie) seal() {
	t.marks = make([]uint64, len(t.next)/64+1)
	for n := range t.next {
		if len(t.prefix[n]) > 0 || len(t.exact[n]) > 0 {
			t.marks[n/64] |= 1 << (n % 64)
		}
	}
	t.third = make([]uint16, trigrams)
	t.near = make([]uint64, (trigrams+63)/64)
	for g := range trigrams {
		n, marked := t.path(g)
		t.third[g] = n
		if marked {
			t.near[g/64] |= 1 << (g % 64)
		}
	}
}

// path follows the three letters of trigram g from the root and returns
// the node they lead to (0 if none) and whether a node on the way carries
// patterns.
func (t *trie) path(g int) (n uint16, marked bool) {
	for _, c := range [3]int{g / (26 * 26), g / 26 % 26, g % 26} {
		if n = t.next[n][c]; n == 0 {
			return 0, marked
		}
		marked = marked || t.marks[n/64]&(1<<(n%64)) != 0
	}
	return n, marked
}
