package gazetteer

import (
	"hash/maphash"
	"math/bits"
)

// idTable finds an entity by id: an open-addressing table of indexes into
// the entities, which hold the ids themselves. A slot keeps the low bits of
// the id's hash beside the index (the high bits choose the slot), so that
// a probe seldom reads an entity that is not the one sought, and the table
// can be three quarters full: 5.3 to 6 bytes an id, where a
// map[string]int32 took about 52 and left the garbage of its growth.
type idTable struct {
	slots  []uint32 // hash<<idBits | entity index+1; 0 for an empty slot
	idBits uint     // the bits of a slot that hold the index
	n      int      // number of ids held
}

var idSeed = maphash.MakeSeed()

// idHash returns the hash of id that the table uses.
func idHash(id string) uint32 { return uint32(maphash.String(idSeed, id)) }

// get returns the index of the entity with id, or false.
func (t *idTable) get(ents []*Entity, id string) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	_, i, ok := t.find(ents, id, idHash(id))
	return i, ok
}

// find returns the slot of the entity with id, whose hash is h, and its
// index; or, when no entity has id, the empty slot where it belongs.
func (t *idTable) find(ents []*Entity, id string, h uint32) (slot int, i int32, ok bool) {
	mask := uint32(1)<<t.idBits - 1
	for s := t.start(h); ; s = t.next(s) {
		v := t.slots[s]
		if v == 0 {
			return s, 0, false
		}
		if v&^mask == h<<t.idBits && ents[v&mask-1].ID() == id {
			return s, int32(v&mask - 1), true
		}
	}
}

// insert records entity i, with an id of hash h, in the empty slot s that
// find returned; reserve must have made room for it.
func (t *idTable) insert(s int, h uint32, i int32) {
	t.slots[s] = h<<t.idBits | uint32(i+1)
	t.n++
}

// start returns the first slot to probe for hash h: its high bits scaled
// to the table's size, which need not be a power of two.
func (t *idTable) start(h uint32) int { return int(uint64(h) * uint64(len(t.slots)) >> 32) }

func (t *idTable) next(s int) int {
	if s++; s == len(t.slots) {
		return 0
	}
	return s
}

// warm reads the slot find starts at for each of hashes. The reads do
// not wait for one another, so the processor fetches the slots, seldom in
// its cache, all at once; find, which must wait for each slot it reads,
// then finds them there. It returns their sum, which only keeps the reads
// from being left out: it must not be inlined for that.
//
//go:noinline
func (t *idTable) warm(hashes []uint32) (sum uint32) {
	for _, h := range hashes {
		sum += t.slots[t.start(h)]
	}
	return sum
}

// reserve makes room for n more ids, keeping the table at most three
// quarters full. When it must grow, it makes room for want more (at least
// n), and at least doubles, so that growing costs little over many calls.
func (t *idTable) reserve(n, want int, ents []*Entity) {
	if 4*(t.n+n) > 3*len(t.slots) {
		t.rebuild(max(2*len(t.slots), 4*(t.n+want)/3+1), ents)
	}
}

// fit shrinks the table to three quarters full if it is more than an
// eighth larger.
func (t *idTable) fit(ents []*Entity) {
	if size := 4*t.n/3 + 1; len(t.slots) > size+size/8 {
		t.rebuild(size, ents)
	}
}

// rebuild makes the table size slots long and places the ids of ents
// anew.
func (t *idTable) rebuild(size int, ents []*Entity) {
	t.slots, t.idBits = make([]uint32, size), uint(bits.Len(uint(size)))
	for i, e := range ents {
		h := idHash(e.ID())
		s := t.start(h)
		for t.slots[s] != 0 {
			s = t.next(s)
		}
		t.slots[s] = h<<t.idBits | uint32(i+1)
	}
}
