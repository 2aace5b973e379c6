package gazetteer

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// shared holds the attributes whose values repeat from record to record.
type shared struct {
	kind, source string
	topics       []string
}

// sharedSets numbers every combination of shared attributes in use, so
// that an entity refers to its combination in 4 bytes where a pointer took
// 8 (40 bytes an entity instead of 48). A process uses few combinations
// (one per kind, src and topics that occur together), so none is ever
// removed. Number 0 is the empty one: the zero Entity has no kind, source
// or topics.
var sharedSets = newSetTable()

// setChunk is the number of combinations allocated at once.
const setChunk = 256

// setTable is read without a lock: a chunk, once published, never moves,
// and an entity that holds a number was made after its combination.
type setTable struct {
	mu     sync.Mutex
	byKey  map[string]uint32
	n      uint32
	chunks atomic.Pointer[[]*[setChunk]shared]
}

func newSetTable() *setTable {
	t := &setTable{byKey: make(map[string]uint32)}
	t.chunks.Store(new([]*[setChunk]shared))
	t.intern("", "", nil)
	return t
}

// get returns combination i.
func (t *setTable) get(i uint32) *shared {
	return &(*t.chunks.Load())[i/setChunk][i%setChunk]
}

// intern returns the number of the combination, adding a copy of it if it
// is new.
func (t *setTable) intern(kind, source string, topics []string) uint32 {
	var buf [64]byte
	key := appendSetKey(buf[:0], kind, source, topics)
	t.mu.Lock()
	defer t.mu.Unlock()
	if i, ok := t.byKey[string(key)]; ok {
		return i
	}
	i := t.n
	chunks := *t.chunks.Load()
	if i%setChunk == 0 {
		chunks = append(slices.Clip(chunks), new([setChunk]shared))
		t.chunks.Store(&chunks)
	}
	sh := &chunks[i/setChunk][i%setChunk]
	sh.kind, sh.source = strings.Clone(kind), strings.Clone(source)
	for _, tp := range topics {
		sh.topics = append(sh.topics, strings.Clone(tp))
	}
	t.byKey[string(key)] = i
	t.n++
	return i
}

// appendSetKey appends to b a key that tells combinations apart: each
// value preceded by its length.
func appendSetKey(b []byte, kind, source string, topics []string) []byte {
	b = appendSized(appendSized(b, kind), source)
	for _, t := range topics {
		b = appendSized(b, t)
	}
	return b
}

func appendSized(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}
