package match

// wordTable is an open-addressing hash table from word hashes to ids,
// filled once at Build. Keys are already FNV hashes, so a slot is found
// by multiplying the hash (Fibonacci hashing) and probing linearly; at
// most three quarters full, a hit touches one or two slots, and most misses
// never get here (the Bloom filter stops them).
type wordTable struct {
	slots []wordSlot // empty slots have h == 0
	shift uint       // 64 - log2(len(slots))
	n     int
}

type wordSlot struct {
	h  uint64
	id uint32
}

// newWordTable builds the table from a map of hashes to ids.
func newWordTable(m map[uint64]uint32) wordTable {
	bits := uint(4)
	for 1<<bits < len(m)*4/3+1 {
		bits++
	}
	t := wordTable{slots: make([]wordSlot, 1<<bits), shift: 64 - bits, n: len(m)}
	for h, id := range m {
		i := t.home(h)
		for t.slots[i].h != 0 {
			i = (i + 1) & (uint64(len(t.slots)) - 1)
		}
		t.slots[i] = wordSlot{h: h, id: id}
	}
	return t
}

func (t *wordTable) home(h uint64) uint64 { return (h * 0x9e3779b97f4a7c15) >> t.shift }

// get returns the id of hash h, or 0.
func (t *wordTable) get(h uint64) uint32 {
	mask := uint64(len(t.slots)) - 1
	for i := t.home(h); ; i = (i + 1) & mask {
		switch s := &t.slots[i]; s.h {
		case h:
			return s.id
		case 0:
			return 0
		}
	}
}
