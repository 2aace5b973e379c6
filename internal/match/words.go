package match

// wordTable is an open-addressing hash table from word hashes to ids,
// filled while the index is built. A slot's home is found from the high
// 32 bits of the mixed hash (see mix) scaled to the table's size, which
// need not be a power of two, and runs are probed linearly. The table is
// at most three quarters full, so a hit touches one or two slots, and
// most misses never get here (the Bloom filter stops them); sized for the
// words it will hold, at two million words it takes 37 MB where rounding
// up to a power of two took 48.
//
// A slot keeps only the low 32 bits of the mixed hash, bits that do not
// choose the home slot: 12 bytes where the whole hash took 16. Two words
// whose tags agree (at two million words, a pair in about a thousand
// builds) must not meet in a probe run, or looking up the second would
// find the first: the builder still knows their high bits and grows the
// table until they are apart. A text word outside the vocabulary that
// passes the Bloom filter is misread with a chance below 2 in 10⁹.
type wordTable struct {
	slots []wordSlot // empty slots have id == 0
	n     int
	high  []uint32 // by id: the high 32 bits of the mixed hash, for homes as the table grows and for the Bloom filter (nil after Build)
}

type wordSlot struct {
	tag  uint32 // the low 32 bits of the mixed hash
	id   uint32
	root uint32 // the trie node below the root by this word, 0 for none (set by Build)
}

// newWordTable returns a table for about n words, two thirds full: a
// gazetteer of generated or foreign names has about as many words as
// aliases, so a table sized for three quarters would grow by half just
// before the end.
func newWordTable(n int) wordTable {
	t := wordTable{slots: make([]wordSlot, max(16, n*3/2+1))}
	t.high = make([]uint32, 1, t.room()+1)
	return t
}

// room returns the number of words the table holds before it grows.
func (t *wordTable) room() int { return len(t.slots) * 3 / 4 }

// home returns the home slot of a word whose mixed hash has the high 32
// bits high, in a table of size slots.
func home(high uint32, size int) uint64 { return uint64(high) * uint64(size) >> 32 }

// next returns the slot after i in a table of size slots.
func next(i uint64, size int) uint64 {
	if i++; i == uint64(size) {
		return 0
	}
	return i
}

// mix spreads every bit of an FNV hash over all bits (a bijection, the
// finalizer of MurmurHash3), so that its top and bottom bits are
// independent of each other.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// id returns the id of the word whose mixed hash is m, giving it the next
// id when it has none.
func (t *wordTable) id(m uint64) uint32 {
	size := len(t.slots)
	i := home(uint32(m>>32), size)
	for ; t.slots[i].id != 0; i = next(i, size) {
		if s := t.slots[i]; s.tag == uint32(m) {
			if t.high[s.id] == uint32(m>>32) {
				return s.id
			}
			t.grow() // another word with the same tag in the probe run: separate them
			return t.id(m)
		}
	}
	if t.n+1 > t.room() {
		t.grow()
		return t.id(m)
	}
	t.n++
	t.slots[i] = wordSlot{tag: uint32(m), id: uint32(t.n)}
	if len(t.high) <= t.n {
		t.high = append(t.high, make([]uint32, t.n+1-len(t.high))...)
	}
	t.high[t.n] = uint32(m >> 32)
	return uint32(t.n)
}

// grow enlarges the table by half, and again while two words with the
// same tag would meet in a probe run. A slot's home is found again from
// the high bits of its hash, kept by id until Build.
func (t *wordTable) grow() {
	old := t.slots
	size := len(old) * 3 / 2
	for ; !t.rehash(old, size, true) && size < maxSeparate*len(old); size = size * 3 / 2 {
	}
	if size >= maxSeparate*len(old) {
		t.rehash(old, size, false) // give up on a pair no practical size separates
	}
}

// maxSeparate bounds how far grow enlarges the table to keep two words
// with the same tag apart. Mixed hashes are random, so one doubling almost
// always does it.
const maxSeparate = 16

// rehash moves the slots of old into a new table of size slots. When
// strict, it stops and returns false as soon as two of them with the same
// tag would meet in a probe run.
func (t *wordTable) rehash(old []wordSlot, size int, strict bool) bool {
	t.slots = make([]wordSlot, size)
	for _, s := range old {
		if s.id == 0 {
			continue
		}
		i := home(t.high[s.id], size)
		for ; t.slots[i].id != 0; i = next(i, size) {
			if strict && t.slots[i].tag == s.tag {
				return false
			}
		}
		t.slots[i] = s
	}
	return true
}

// get returns the id of the word whose mixed hash is m and the trie node
// below the root by it, or 0, 0.
func (t *wordTable) get(m uint64) (id, root uint32) {
	size := len(t.slots)
	for i := home(uint32(m>>32), size); ; i = next(i, size) {
		s := &t.slots[i]
		if s.id == 0 {
			return 0, 0
		}
		if s.tag == uint32(m) {
			return s.id, s.root
		}
	}
}
