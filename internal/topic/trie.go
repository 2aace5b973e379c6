package topic

import "fmt"

// trie is a byte trie over the letters a–z whose nodes carry pattern ids:
// prefix ids match any word passing through the node, exact ids only a
// word ending there. Transitions are dense tables: a word costs one table
// lookup per letter.
type trie struct {
	next   [][26]uint16 // 0: no transition (the root is never a target)
	marks  []uint64     // bit n set: node n carries patterns (see seal)
	prefix [][]int32
	exact  [][]int32
	starts [(26*26*26 + 63) / 64]uint64 // bit set: some key starts with these three letters
	short  [26 * 26]bool                // some key is these one or two letters (a one-letter key sets all its pairs)
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
	if len(key) < 3 {
		for c := 0; c < 26; c++ {
			if len(key) == 2 && c > 0 {
				break
			}
			second := c
			if len(key) == 2 {
				second = letter(key[1])
			}
			t.short[letter(key[0])*26+second] = true
		}
		return
	}
	g := trigram(key[0], key[1], key[2])
	t.starts[g/64] |= 1 << (g % 64)
}

func trigram(a, b, c byte) int { return (letter(a)*26+letter(b))*26 + letter(c) }

// mayStart reports whether some key may be a prefix of word: a cheap test
// on the first three letters that keeps most words out of the trie.
func (t *trie) mayStart(word []byte) bool {
	if len(word) < 3 {
		return true
	}
	for _, b := range word[:3] {
		if b < 'a' || b > 'z' {
			return false
		}
	}
	if t.short[letter(word[0])*26+letter(word[1])] {
		return true
	}
	g := trigram(word[0], word[1], word[2])
	return t.starts[g/64]&(1<<(g%64)) != 0
}

// collect appends the ids of every prefix pattern key starts with and
// every exact pattern equal to key.
func (t *trie) collect(key []byte, dst []int32) []int32 {
	if !t.mayStart(key) {
		return dst
	}
	n := uint16(0)
	for i, b := range key {
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
// collect touches the pattern lists only there. No add after seal.
func (t *trie) seal() {
	t.marks = make([]uint64, len(t.next)/64+1)
	for n := range t.next {
		if len(t.prefix[n]) > 0 || len(t.exact[n]) > 0 {
			t.marks[n/64] |= 1 << (n % 64)
		}
	}
}
