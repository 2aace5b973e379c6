package match

import "math/bits"

// numbering renumbers the trie's nodes at Build so that the per-node
// arrays need not cover every node: first the nodes with children and no
// targets (the root among them), then those with both, then the leaves,
// which have targets only. Each group keeps the order of creation. At a
// million aliases, leaves are two thirds of the nodes and nodes without
// targets a third.
type numbering struct {
	kids, ends     []uint64 // bit n: node n has children, targets
	innerA, innerB []uint32 // by block of 64 nodes: the nodes before it with children, without and with targets
	a, b           uint32   // the number of nodes with children, without and with targets
}

// newNumbering classifies the nodes of b's trie.
func newNumbering(b *Builder) *numbering {
	words := (b.ix.nodes + 63) / 64
	nb := &numbering{kids: make([]uint64, words), ends: make([]uint64, words)}
	nb.kids[0] = 1 // the root has children, kept outside the edge table
	done := make(chan bool)
	go func() {
		for _, blk := range b.ends.blocks {
			for _, n := range blk {
				nb.ends[n/64] |= 1 << (n % 64)
			}
		}
		done <- true
	}()
	for _, e := range b.edges.slots {
		if e.child != 0 {
			nb.kids[e.parent/64] |= 1 << (e.parent % 64)
		}
	}
	<-done
	nb.innerA, nb.innerB = make([]uint32, words), make([]uint32, words)
	for w := range nb.kids {
		nb.innerA[w], nb.innerB[w] = nb.a, nb.b
		nb.a += uint32(bits.OnesCount64(nb.kids[w] &^ nb.ends[w]))
		nb.b += uint32(bits.OnesCount64(nb.kids[w] & nb.ends[w]))
	}
	return nb
}

// of returns the new number of node n.
func (nb *numbering) of(n uint32) uint32 {
	w, below := n/64, uint64(1)<<(n%64)-1
	k, t := nb.kids[w], nb.ends[w]
	a := nb.innerA[w] + uint32(bits.OnesCount64(k&^t&below))
	b := nb.innerB[w] + uint32(bits.OnesCount64(k&t&below))
	switch bit := uint64(1) << (n % 64); {
	case k&bit == 0:
		return nb.a + nb.b + n - a - b
	case t&bit == 0:
		return a
	default:
		return nb.a + b
	}
}

// renumber applies the numbering to the builder's edges, root children and
// target ends, and notes its bounds in the index.
func (b *Builder) renumber() {
	nb := newNumbering(b)
	inParts(len(b.edges.slots), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if e := &b.edges.slots[i]; e.child != 0 {
				e.parent, e.child = nb.of(e.parent), nb.of(e.child)
			}
		}
	})
	inParts(len(b.rootChild), func(lo, hi int) {
		for id := lo; id < hi; id++ {
			if n := b.rootChild[id]; n != 0 {
				b.rootChild[id] = nb.of(n)
			}
		}
	})
	inParts(len(b.ends.blocks), func(lo, hi int) {
		for _, blk := range b.ends.blocks[lo:hi] {
			for i, n := range blk {
				blk[i] = nb.of(n)
			}
		}
	})
	b.ix.inner, b.ix.base = nb.a+nb.b, nb.a
}
