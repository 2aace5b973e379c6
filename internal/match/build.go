package match

import (
	"cmp"
	"runtime"
	"slices"
)

// Builder collects alias variants and builds an Index.
type Builder struct {
	ix        *Index
	rootChild []uint32               // by word id: the node below the root by it, 0 for none
	edges     edgeTable              // the trie's edges below the root, until Build
	targets   chunked[Target]        // in insertion order until Build sorts them by node
	ends      chunked[uint32]        // by target: the node it ends at
	protected []uint32               // ids to protect, see Protect
	patterns  map[casePattern]uint16 // the numbers of the case patterns in ix.cases
	lastCases casePattern            // the pattern of the target made last,
	lastN     uint16                 // and its number
	touched   uint32                 // see touchSecondSteps
}

// NewBuilder returns a builder sized for about n aliases.
func NewBuilder(n int) *Builder {
	words := newWordTable(n)
	return &Builder{
		ix:        &Index{nodes: 1, words: words, cases: []casePattern{anyCase}},
		patterns:  make(map[casePattern]uint16),
		lastCases: anyCase, // number 0
		// rootChild gets an entry per word; sized for the words the word
		// table holds before it grows, it is not regrown (and copied).
		rootChild: make([]uint32, 0, words.room()+1),
		edges:     newEdgeTable(n), // edges from the root go to rootChild
	}
}

// Word adds a folded word to the vocabulary without an alias, so that
// callers can attach their own classes to its id; it returns the id.
func (b *Builder) Word(key string) uint32 { return b.word([]byte(key)) }

func (b *Builder) word(key []byte) uint32 { return b.ix.words.id(wordHash(key)) }

// wordHash returns the mixed hash of key, as the word table takes it.
func wordHash(key []byte) uint64 { return mix(hashKey(key)) }

// insert adds the path of word ids and records t at its end.
func (b *Builder) insert(ids []uint32, t Target) {
	node := uint32(0)
	for _, id := range ids {
		node = b.child(node, id)
	}
	b.targets.add(t)
	b.ends.add(node)
}

// child returns the node below node by word id, adding it if need be.
func (b *Builder) child(node, id uint32) uint32 {
	ix := b.ix
	if node == 0 {
		if n := int(id) + 1 - len(b.rootChild); n > 0 {
			b.rootChild = append(b.rootChild, make([]uint32, n)...)
		}
		if b.rootChild[id] == 0 {
			b.rootChild[id] = ix.nodes
			ix.nodes++
		}
		return b.rootChild[id]
	}
	child, added := b.edges.child(node, id, ix.nodes)
	if added {
		ix.nodes++
	}
	return child
}

// Build finishes the index. The builder must not be used afterwards.
func (b *Builder) Build() *Index {
	ix := b.ix
	ix.denID = b.Word("den")
	// Each step drops what it was the last to need, so that less is held
	// at once: the trie's arrays are made while the edge table still
	// exists, the targets' array while their scratch does.
	b.buildBloom()
	ix.words.high = nil
	b.renumber()
	for i := range ix.words.slots {
		if s := &ix.words.slots[i]; s.id != 0 && int(s.id) < len(b.rootChild) {
			s.root = b.rootChild[s.id] // a word's first trie step comes with its lookup
		}
	}
	b.rootChild = nil
	b.buildTrie()
	b.freeEdges()
	b.buildTargets()
	b.targets, b.ends = chunked[Target]{}, chunked[uint32]{}
	ix.protected = make([]uint64, ix.words.n/64+1)
	for _, id := range b.protected {
		ix.protected[id/64] |= 1 << (id % 64)
	}
	b.protected = nil
	return ix
}

// buildTrie turns the edge table into the sorted per-node child lists of
// the nodes that have children (see numbering). Each part of the nodes is
// done by its own goroutine, which reads all edges and writes only the
// entries of its nodes.
func (b *Builder) buildTrie() {
	ix := b.ix
	ix.childAt = make([]uint32, ix.inner+1)
	inParts(int(ix.inner), func(lo, hi int) {
		b.eachEdge(uint32(lo), uint32(hi), func(e edgeSlot) { ix.childAt[e.parent+1]++ })
	})
	for n := uint32(1); n <= ix.inner; n++ {
		ix.childAt[n] += ix.childAt[n-1]
	}
	ix.children = make([]edge, ix.childAt[ix.inner])
	inParts(int(ix.inner), func(lo, hi int) {
		b.eachEdge(uint32(lo), uint32(hi), func(e edgeSlot) {
			ix.children[ix.childAt[e.parent]] = edge{word: e.word, node: e.child}
			ix.childAt[e.parent]++
		})
	})
	// Each childAt[n] now holds the start of node n+1: shift them back.
	copy(ix.childAt[1:ix.inner+1], ix.childAt[:ix.inner])
	ix.childAt[0] = 0
	inParts(int(ix.inner), func(lo, hi int) {
		for n := lo; n < hi; n++ {
			kids := ix.children[ix.childAt[n]:ix.childAt[n+1]]
			if len(kids) > 1 {
				slices.SortFunc(kids, func(a, b edge) int { return cmp.Compare(a.word, b.word) })
			}
		}
	})
}

// eachEdge calls f on the edges whose parent is one of lo..hi-1.
func (b *Builder) eachEdge(lo, hi uint32, f func(edgeSlot)) {
	for _, e := range b.edges.slots {
		if e.child != 0 && e.parent >= lo && e.parent < hi {
			f(e)
		}
	}
}

// bigScratch is the size of edge table, in slots, from which Build has
// the garbage collector reclaim it at once (12 MB).
const bigScratch = 1 << 20

// freeEdges drops the edge table. A large one is collected at once: the
// heap goal the runtime set at its last collection is twice what was live,
// so without that the arrays made next, here and by the caller, would
// grow the process instead of reusing it.
func (b *Builder) freeEdges() {
	big := len(b.edges.slots) >= bigScratch
	b.edges = edgeTable{}
	if big {
		runtime.GC()
	}
}

// buildTargets sorts the targets by node, stable in insertion order: a
// counting sort gives each target its place in an array of their exact
// number. first covers the nodes from ix.base on, the ones that can have
// targets (see numbering).
func (b *Builder) buildTargets() {
	ix := b.ix
	ix.targets = make([]Target, b.targets.n) // first, to get the space the edge table left
	n := ix.nodes - ix.base
	ix.first = make([]uint32, n+1)
	for _, blk := range b.ends.blocks {
		for _, node := range blk {
			ix.first[node-ix.base+1]++
		}
	}
	for i := uint32(1); i <= n; i++ {
		ix.first[i] += ix.first[i-1]
	}
	for _, blk := range b.ends.blocks { // reused: the place of each target
		for i, node := range blk {
			blk[i] = ix.first[node-ix.base]
			ix.first[node-ix.base]++
		}
	}
	// Each first[i] now holds the start of node i+1: shift them back.
	copy(ix.first[1:n+1], ix.first[:n])
	ix.first[0] = 0
	for k, blk := range b.targets.blocks {
		place := b.ends.blocks[k]
		for i, t := range blk {
			ix.targets[place[i]] = t
		}
	}
}

// buildBloom sizes the Bloom bit set to 16 bits per word (about 6 % false
// positives with one probe), and sets the bit of the top bits of each
// word's mixed hash.
func (b *Builder) buildBloom() {
	ix := b.ix
	bits := uint(16)
	for 1<<bits < 16*ix.words.n && bits < 30 {
		bits++
	}
	ix.bloom = make([]uint64, (1<<bits)/64)
	ix.shift = 64 - bits
	for _, high := range ix.words.high[1 : ix.words.n+1] {
		b := high >> (ix.shift - 32)
		ix.bloom[b/64] |= 1 << (b % 64)
	}
}
