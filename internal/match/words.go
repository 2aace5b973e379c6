package match

// wordTable is an open-addressing hash table from word hashes to ids,
// filled while the index is built. Keys are already FNV hashes, so a slot is found
// by multiplying the hash (Fibonacci hashing) and probing linearly; at
// most three quarters full, a hit touches one or two slots, and most misses
// never get here (the Bloom filter stops them).
type wordTable struct {
	slots []wordSlot // empty slots have h == 0
	shift uint       // 64 - log2(len(slots))
	n     int
}

type wordSlot struct {
	h    uint64
	id   uint32
	root uint32 // the trie node below the root by this word, 0 for none (set by Build)
}

// newWordTable returns a table with room for about n words.
func newWordTable(n int) wordTable {
	bits := uint(4)
	for 1<<bits < n*4/3+1 {
		bits++
	}
	return wordTable{slots: make([]wordSlot, 1<<bits), shift: 64 - bits}
}

// id returns the id of hash h (not 0), giving it the next id when it has none.
func (t *wordTable) id(h uint64) uint32 {
	mask := uint64(len(t.slots)) - 1
	i := t.home(h)
	for ; t.slots[i].h != 0; i = (i + 1) & mask {
		if t.slots[i].h == h {
			return t.slots[i].id
		}
	}
	if (t.n+1)*4 > len(t.slots)*3 {
		t.grow()
		return t.id(h)
	}
	t.n++
	t.slots[i] = wordSlot{h: h, id: uint32(t.n)}
	return uint32(t.n)
}

// grow doubles the table.
func (t *wordTable) grow() {
	old := t.slots
	t.slots, t.shift = make([]wordSlot, 2*len(old)), t.shift-1
	mask := uint64(len(t.slots)) - 1
	for _, s := range old {
		if s.h == 0 {
			continue
		}
		i := t.home(s.h)
		for t.slots[i].h != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

func (t *wordTable) home(h uint64) uint64 { return (h * 0x9e3779b97f4a7c15) >> t.shift }

// get returns the id of hash h and the trie node below the root by it,
// or 0, 0.
func (t *wordTable) get(h uint64) (id, root uint32) {
	mask := uint64(len(t.slots)) - 1
	for i := t.home(h); ; i = (i + 1) & mask {
		switch s := &t.slots[i]; s.h {
		case h:
			return s.id, s.root
		case 0:
			return 0, 0
		}
	}
}
