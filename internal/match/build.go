package match

import (
	"cmp"
	"slices"
)

// Builder collects alias variants and builds an Index.
type Builder struct {
	ix        *Index
	vocab     map[uint64]uint32 // word hash -> id, until Build
	edges     map[uint64]uint32 // parent node << 32 | word id -> child node, until Build
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
		ix:      &Index{nodes: 1},
		vocab:   make(map[uint64]uint32, n),
		edges:   make(map[uint64]uint32, 2*n),
		pending: make([]pendingTarget, 0, n),
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
	id, ok := b.vocab[h]
	if !ok {
		id = uint32(len(b.vocab) + 1)
		b.vocab[h] = id
	}
	return id
}

// insert adds the path of keys and records t at its end.
func (b *Builder) insert(keys [][]byte, t Target) {
	node := uint32(0)
	for _, k := range keys {
		e := uint64(node)<<32 | uint64(b.word(k))
		child, ok := b.edges[e]
		if !ok {
			child = b.ix.nodes
			b.ix.nodes++
			b.edges[e] = child
		}
		node = child
	}
	t.Len = uint8(len(keys))
	b.pending = append(b.pending, pendingTarget{node, t})
}

// Build finishes the index. The builder must not be used afterwards.
func (b *Builder) Build() *Index {
	ix := b.ix
	ix.denID = b.Word("den")
	ix.words = newWordTable(b.vocab)
	b.buildTrie()
	b.buildTargets()
	b.buildBloom()
	ix.protected = make([]bool, ix.words.n+1)
	for _, id := range b.protected {
		ix.protected[id] = true
	}
	b.vocab, b.edges, b.pending, b.protected = nil, nil, nil, nil
	return ix
}

// buildTrie turns the edge map into the root array and the sorted
// per-node child lists.
func (b *Builder) buildTrie() {
	ix := b.ix
	ix.rootChild = make([]uint32, ix.words.n+1)
	ix.childAt = make([]uint32, ix.nodes+1)
	for e, child := range b.edges {
		if parent := e >> 32; parent == 0 {
			ix.rootChild[uint32(e)] = child
		} else {
			ix.childAt[parent+1]++
		}
	}
	for n := uint32(1); n <= ix.nodes; n++ {
		ix.childAt[n] += ix.childAt[n-1]
	}
	ix.children = make([]edge, ix.childAt[ix.nodes])
	next := slices.Clone(ix.childAt[:ix.nodes])
	for e, child := range b.edges {
		if parent := uint32(e >> 32); parent != 0 {
			ix.children[next[parent]] = edge{word: uint32(e), node: child}
			next[parent]++
		}
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
	for 1<<bits < 16*len(b.vocab) && bits < 30 {
		bits++
	}
	ix.bloom = make([]uint64, (1<<bits)/64)
	ix.shift = 64 - bits
	for h := range b.vocab {
		b := h >> ix.shift
		ix.bloom[b/64] |= 1 << (b % 64)
	}
}
