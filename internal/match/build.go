package match

import (
	"cmp"
	"slices"
)

// Builder collects alias variants and builds an Index.
type Builder struct {
	ix        *Index
	edges     map[uint64]uint32 // parent node << 32 | word id -> child node below the root, until Build
	pending   []pendingTarget
	protected []uint32 // ids to protect, see Protect
	keys      [][]byte // scratch: the keys of one path in insertAll
}

type pendingTarget struct {
	node uint32
	t    Target
}

// NewBuilder returns a builder sized for about n aliases.
func NewBuilder(n int) *Builder {
	return &Builder{
		ix:    &Index{nodes: 1, words: newWordTable(n)},
		edges: make(map[uint64]uint32, n), // edges from the root go to ix.rootChild
		// An alias has one to three variants; 2n spares a large gazetteer
		// the garbage of growing this slice several times.
		pending: make([]pendingTarget, 0, 2*n),
	}
}

// Word adds a folded word to the vocabulary without an alias, so that
// callers can attach their own classes to its id; it returns the id.
func (b *Builder) Word(key string) uint32 { return b.word([]byte(key)) }

func (b *Builder) word(key []byte) uint32 {
	h := hashKey(key)
	if h == 0 {
		h = 1 // 0 marks an empty slot in the word table
	}
	return b.ix.words.id(h)
}

// insert adds the path of keys and records t at its end.
func (b *Builder) insert(keys [][]byte, t Target) {
	node := uint32(0)
	for _, k := range keys {
		node = b.child(node, b.word(k))
	}
	t.Len = uint8(len(keys))
	b.pending = append(b.pending, pendingTarget{node, t})
}

// child returns the node below node by word id, adding it if need be.
func (b *Builder) child(node, id uint32) uint32 {
	ix := b.ix
	if node == 0 {
		if n := int(id) + 1 - len(ix.rootChild); n > 0 {
			ix.rootChild = append(ix.rootChild, make([]uint32, n)...)
		}
		if ix.rootChild[id] == 0 {
			ix.rootChild[id] = ix.nodes
			ix.nodes++
		}
		return ix.rootChild[id]
	}
	e := uint64(node)<<32 | uint64(id)
	child, ok := b.edges[e]
	if !ok {
		child = ix.nodes
		ix.nodes++
		b.edges[e] = child
	}
	return child
}

// Build finishes the index. The builder must not be used afterwards.
func (b *Builder) Build() *Index {
	ix := b.ix
	ix.denID = b.Word("den")
	b.buildTrie()
	for i := range ix.words.slots {
		if s := &ix.words.slots[i]; s.h != 0 {
			s.root = ix.rootChild[s.id] // a word's first trie step comes with its lookup
		}
	}
	b.edges = nil // free for the GC before the next arrays are made
	b.buildTargets()
	b.pending = nil
	b.buildBloom()
	ix.protected = make([]bool, ix.words.n+1)
	for _, id := range b.protected {
		ix.protected[id] = true
	}
	b.protected = nil
	return ix
}

// buildTrie gives the root array an entry for every word and turns the
// edge map into the sorted per-node child lists.
func (b *Builder) buildTrie() {
	ix := b.ix
	ix.rootChild = append(ix.rootChild, make([]uint32, ix.words.n+1-len(ix.rootChild))...)
	ix.childAt = make([]uint32, ix.nodes+1)
	for e := range b.edges {
		ix.childAt[e>>32+1]++
	}
	for n := uint32(1); n <= ix.nodes; n++ {
		ix.childAt[n] += ix.childAt[n-1]
	}
	ix.children = make([]edge, ix.childAt[ix.nodes])
	next := slices.Clone(ix.childAt[:ix.nodes])
	for e, child := range b.edges {
		parent := uint32(e >> 32)
		ix.children[next[parent]] = edge{word: uint32(e), node: child}
		next[parent]++
	}
	for n := uint32(1); n < ix.nodes; n++ {
		kids := ix.children[ix.childAt[n]:ix.childAt[n+1]]
		if len(kids) > 1 {
			slices.SortFunc(kids, func(a, b edge) int { return cmp.Compare(a.word, b.word) })
		}
	}
}

// buildTargets sorts the targets by node (counting sort, stable in
// insertion order).
func (b *Builder) buildTargets() {
	ix := b.ix
	ix.first = make([]uint32, ix.nodes+1)
	for _, p := range b.pending {
		ix.first[p.node+1]++
	}
	for n := uint32(1); n <= ix.nodes; n++ {
		ix.first[n] += ix.first[n-1]
	}
	next := slices.Clone(ix.first[:ix.nodes])
	ix.targets = make([]Target, len(b.pending))
	for _, p := range b.pending {
		ix.targets[next[p.node]] = p.t
		next[p.node]++
	}
}

// buildBloom sizes the Bloom bit set to 16 bits per word (about 6 % false
// positives with one probe).
func (b *Builder) buildBloom() {
	ix := b.ix
	bits := uint(16)
	for 1<<bits < 16*ix.words.n && bits < 30 {
		bits++
	}
	ix.bloom = make([]uint64, (1<<bits)/64)
	ix.shift = 64 - bits
	for _, s := range ix.words.slots {
		if s.h != 0 {
			b := s.h >> ix.shift
			ix.bloom[b/64] |= 1 << (b % 64)
		}
	}
}
