package match

import "math/bits"

// wordTable is an open-addressing hash table from word hashes to ids,
// filled while the index is built. A slot is found by the top bits of the
// mixed hash (see mix) and probed linearly; at most three quarters full, a
// hit touches one or two slots, and most misses never get here (the Bloom
// filter stops them).
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
	shift uint       // 64 - log2(len(slots))
	n     int
	high  []uint32 // by id: the high 32 bits of the mixed hash, for homes as the table grows and for the Bloom filter (nil after Build)
}

type wordSlot struct {
	tag  uint32 // the low 32 bits of the mixed hash
	id   uint32
	root uint32 // the trie node below the root by this word, 0 for none (set by Build)
}

// newWordTable returns a table with room for about n words.
func newWordTable(n int) wordTable {
	bits := uint(4)
	for 1<<bits < n*4/3+1 {
		bits++
	}
	return wordTable{slots: make([]wordSlot, 1<<bits), shift: 64 - bits, high: make([]uint32, 1, n+1)}
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
	mask := uint64(len(t.slots)) - 1
	i := m >> t.shift
	for ; t.slots[i].id != 0; i = (i + 1) & mask {
		if s := t.slots[i]; s.tag == uint32(m) {
			if t.high[s.id] == uint32(m>>32) {
				return s.id
			}
			t.grow() // another word with the same tag in the probe run: separate them
			return t.id(m)
		}
	}
	if (t.n+1)*4 > len(t.slots)*3 {
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

// grow doubles the table, and doubles it again while two words with the
// same tag would meet in a probe run. A slot's home is found again from
// the high bits of its hash, kept by id until Build: a table of up to 2³²
// slots.
func (t *wordTable) grow() {
	old := t.slots
	size := 2 * len(old)
	for ; !t.rehash(old, size, true) && size < maxSeparate*len(old); size *= 2 {
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
	t.slots, t.shift = make([]wordSlot, size), uint(64-bits.TrailingZeros(uint(size)))
	mask := uint64(size) - 1
	for _, s := range old {
		if s.id == 0 {
			continue
		}
		i := uint64(t.high[s.id]) >> (t.shift - 32)
		for ; t.slots[i].id != 0; i = (i + 1) & mask {
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
	mask := uint64(len(t.slots)) - 1
	for i := m >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.id == 0 {
			return 0, 0
		}
		if s.tag == uint32(m) {
			return s.id, s.root
		}
	}
}
