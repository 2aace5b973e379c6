package match

// edgeTable is an open-addressing hash table from the trie edges below the
// root, (parent node, word id), to their child nodes, used while the index
// is built. A slot is 12 bytes where a Go map of uint64 to uint32 spends
// about 17 per entry and more on its growth: at a million aliases this is
// the largest scratch structure of the build.
type edgeTable struct {
	slots []edgeSlot // empty slots have child == 0 (the root is nobody's child)
	shift uint       // 64 - log2(len(slots))
	n     int
}

type edgeSlot struct {
	parent, word, child uint32
}

// newEdgeTable returns a table with room for about n edges.
func newEdgeTable(n int) edgeTable {
	bits := uint(4)
	for 1<<bits < n*4/3+1 {
		bits++
	}
	return edgeTable{slots: make([]edgeSlot, 1<<bits), shift: 64 - bits}
}

// child returns the child of parent by word. If there is none, it records
// next (not 0) as that child and reports added.
func (t *edgeTable) child(parent, word, next uint32) (child uint32, added bool) {
	mask := uint64(len(t.slots)) - 1
	i := t.home(parent, word)
	for ; t.slots[i].child != 0; i = (i + 1) & mask {
		if s := t.slots[i]; s.parent == parent && s.word == word {
			return s.child, false
		}
	}
	if (t.n+1)*4 > len(t.slots)*3 {
		t.grow()
		return t.child(parent, word, next)
	}
	t.n++
	t.slots[i] = edgeSlot{parent, word, next}
	return next, true
}

// grow doubles the table.
func (t *edgeTable) grow() {
	old := t.slots
	t.slots, t.shift = make([]edgeSlot, 2*len(old)), t.shift-1
	mask := uint64(len(t.slots)) - 1
	for _, s := range old {
		if s.child == 0 {
			continue
		}
		i := t.home(s.parent, s.word)
		for t.slots[i].child != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

func (t *edgeTable) home(parent, word uint32) uint64 {
	return ((uint64(parent)<<32 | uint64(word)) * 0x9e3779b97f4a7c15) >> t.shift
}
