package gazetteer

import "hash/maphash"

// idTable finds an entity by id: an open-addressing table of indexes into
// the entities, which hold the ids themselves: 4 to 8 bytes an id (the
// table is a quarter to half full), where a map[string]int32 took about 52
// and left the garbage of its growth.
type idTable struct {
	slots []int32 // entity index + 1, 0 for an empty slot; len is a power of two
	n     int     // number of ids held
	seed  maphash.Seed
}

func newIDTable() idTable { return idTable{seed: maphash.MakeSeed()} }

// get returns the index of the entity with id, or false.
func (t *idTable) get(ents []*Entity, id string) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for s := maphash.String(t.seed, id) & mask; ; s = (s + 1) & mask {
		i := t.slots[s] - 1
		if i < 0 {
			return 0, false
		}
		if ents[i].ID() == id {
			return i, true
		}
	}
}

// put records that ents[i] holds its id, which the table must not hold yet.
func (t *idTable) put(ents []*Entity, i int32) {
	t.reserve(ents, 1)
	t.place(ents[i].ID(), i)
	t.n++
}

// reserve makes room for n more ids, keeping the table at most half full.
func (t *idTable) reserve(ents []*Entity, n int) {
	if 2*(t.n+n) <= len(t.slots) {
		return
	}
	size := 64
	for size < 2*(t.n+n) {
		size *= 2
	}
	old := t.slots
	t.slots = make([]int32, size)
	for _, i := range old {
		if i != 0 {
			t.place(ents[i-1].ID(), i-1)
		}
	}
}

func (t *idTable) place(id string, i int32) {
	mask := uint64(len(t.slots) - 1)
	s := maphash.String(t.seed, id) & mask
	for t.slots[s] != 0 {
		s = (s + 1) & mask
	}
	t.slots[s] = i + 1
}
