package topic

// trie is a byte trie whose nodes carry pattern ids: prefix ids match any
// word passing through the node, exact ids only a word ending there.
type trie struct {
	root  [256]int32 // child of the root by byte, 0 for none
	nodes []trieNode
}

type trieNode struct {
	bytes    []byte
	children []int32
	prefix   []int32
	exact    []int32
}

func newTrie() trie { return trie{nodes: []trieNode{{}}} }

func (t *trie) child(n int32, b byte) int32 {
	if n == 0 {
		return t.root[b]
	}
	for i, x := range t.nodes[n].bytes {
		if x == b {
			return t.nodes[n].children[i]
		}
	}
	return 0
}

// add inserts key with pattern id.
func (t *trie) add(key string, id int32, exact bool) {
	if key == "" {
		return
	}
	n := int32(0)
	for i := 0; i < len(key); i++ {
		next := t.child(n, key[i])
		if next == 0 {
			next = int32(len(t.nodes))
			t.nodes = append(t.nodes, trieNode{})
			if n == 0 {
				t.root[key[i]] = next
			} else {
				t.nodes[n].bytes = append(t.nodes[n].bytes, key[i])
				t.nodes[n].children = append(t.nodes[n].children, next)
			}
		}
		n = next
	}
	if exact {
		t.nodes[n].exact = append(t.nodes[n].exact, id)
	} else {
		t.nodes[n].prefix = append(t.nodes[n].prefix, id)
	}
}

// walk calls fn for every prefix pattern key starts with and every exact
// pattern equal to key.
func (t *trie) walk(key []byte, fn func(int32)) {
	n := int32(0)
	for i, b := range key {
		if n = t.child(n, b); n == 0 {
			return
		}
		nd := &t.nodes[n]
		for _, id := range nd.prefix {
			fn(id)
		}
		if i == len(key)-1 {
			for _, id := range nd.exact {
				fn(id)
			}
		}
	}
}

// walkPrefix calls fn for every prefix pattern key starts with.
func (t *trie) walkPrefix(key []byte, fn func(int32)) {
	n := int32(0)
	for _, b := range key {
		if n = t.child(n, b); n == 0 {
			return
		}
		for _, id := range t.nodes[n].prefix {
			fn(id)
		}
	}
}
