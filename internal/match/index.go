// Package match finds gazetteer aliases in tokenized German text: a token
// trie over folded keys, walked leftmost-longest, with German inflection
// (Russlands, der Deutschen Bank), umlaut transcriptions and loose
// transliteration keys as alternatives per token.
package match

import (
	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/token"
)

// Form tells how an alias variant was derived from the alias as written.
type Form uint8

const (
	Exact       Form = iota // as written, folded
	Transcribed             // umlauts spelt ae, oe, ue
	Declined                // adjectives inside the name declined: Deutschen Bank
	Loose                   // transliteration key: Medvedev for Medwedew
)

// Target flags.
const (
	Acronym uint8 = 1 << iota // written in capitals: matches only in capitals
	Common                    // also an everyday word: needs evidence
)

// Target is one alias variant that ends at a trie node.
type Target struct {
	Entity int32  // index into the gazetteer's Entities
	Alias  int32  // index into that entity's Aliases
	Upper  uint32 // bit i set: token i of the alias starts upper case
	Len    uint8  // number of tokens
	Form   Form
	Flags  uint8
}

// Index maps token sequences to targets. It is immutable after Build and
// safe for concurrent use.
type Index struct {
	// vocab maps the 64-bit FNV-1a hash of a folded token key to its id
	// (ids from 1). Keys are not stored: at a few million words the chance
	// that two words share a hash is below one in a million, and the saving
	// is a third of the index's memory.
	vocab   map[uint64]uint32
	edges   map[uint64]uint32 // parent node << 32 | token id -> child node
	nodes   uint32            // node count; node 0 is the root
	first   []uint32          // first[n]..first[n+1]: targets ending at node n
	targets []Target

	protected []bool // by id: words never reduced by inflection (given names)

	// Filters in front of the maps, so that the many words of a text that
	// are no alias word cost a bit probe instead of a map lookup (which, at
	// a million aliases, is a cache miss).
	bloom    []uint64 // bit hash>>shift set for every vocabulary hash
	shift    uint     // 64 - log2(len(bloom)*64)
	rootBits []uint64 // bit id set when some alias starts with word id
}

// hashKey is 64-bit FNV-1a.
func hashKey(k []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range k {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// Builder collects alias variants and builds an Index.
type Builder struct {
	ix        *Index
	pending   []pendingTarget
	protected []uint32 // ids to protect, see Protect
	keys      [][]byte // scratch: folded keys of the current alias
	toks      []token.Token
}

type pendingTarget struct {
	node uint32
	t    Target
}

// NewBuilder returns a builder sized for about n aliases.
func NewBuilder(n int) *Builder {
	return &Builder{ix: &Index{
		vocab: make(map[uint64]uint32, n),
		edges: make(map[uint64]uint32, n*2),
		nodes: 1,
	}}
}

// Build finishes the index. The builder must not be used afterwards.
func (b *Builder) Build() *Index {
	ix := b.ix
	// Counting sort of the targets by node, stable in insertion order.
	ix.first = make([]uint32, ix.nodes+1)
	for _, p := range b.pending {
		ix.first[p.node+1]++
	}
	for n := uint32(1); n <= ix.nodes; n++ {
		ix.first[n] += ix.first[n-1]
	}
	next := append([]uint32(nil), ix.first[:ix.nodes]...)
	ix.targets = make([]Target, len(b.pending))
	for _, p := range b.pending {
		ix.targets[next[p.node]] = p.t
		next[p.node]++
	}
	ix.buildFilters()
	ix.protected = make([]bool, len(ix.vocab)+1)
	for _, id := range b.protected {
		ix.protected[id] = true
	}
	b.pending, b.protected = nil, nil
	return ix
}

// Word adds a folded word to the vocabulary without an alias, so that
// callers can attach their own classes to its id; it returns the id.
func (b *Builder) Word(key string) uint32 { return b.word([]byte(key)) }

func (b *Builder) word(key []byte) uint32 {
	h := hashKey(key)
	id, ok := b.ix.vocab[h]
	if !ok {
		id = uint32(len(b.ix.vocab) + 1)
		b.ix.vocab[h] = id
	}
	return id
}

// insert adds the path of keys and records t at its end.
func (b *Builder) insert(keys [][]byte, t Target) {
	ix := b.ix
	node := uint32(0)
	for _, k := range keys {
		id := b.word(k)
		e := uint64(node)<<32 | uint64(id)
		child, ok := ix.edges[e]
		if !ok {
			child = ix.nodes
			ix.nodes++
			ix.edges[e] = child
		}
		node = child
	}
	t.Len = uint8(len(keys))
	b.pending = append(b.pending, pendingTarget{node, t})
}

// ExactID returns the vocabulary id of a unit read as itself, or 0.
func ExactID(u *Unit) uint32 {
	if u.N > 0 && u.Alts[0].Form == Exact {
		return u.Alts[0].ID
	}
	return 0
}

// Lookup returns the id of a folded token key, or 0.
func (ix *Index) Lookup(key []byte) uint32 { return ix.lookupHash(hashKey(key)) }

func (ix *Index) lookupHash(h uint64) uint32 {
	if b := h >> ix.shift; ix.bloom[b/64]&(1<<(b%64)) == 0 {
		return 0
	}
	return ix.vocab[h]
}

// buildFilters sizes the Bloom bit set to 16 bits per word (about 6 %
// false positives with one probe) and marks the words that start aliases.
func (ix *Index) buildFilters() {
	bits := uint(16)
	for 1<<bits < 16*len(ix.vocab) && bits < 30 {
		bits++
	}
	ix.bloom = make([]uint64, (1<<bits)/64)
	ix.shift = 64 - bits
	for h := range ix.vocab {
		b := h >> ix.shift
		ix.bloom[b/64] |= 1 << (b % 64)
	}
	ix.rootBits = make([]uint64, len(ix.vocab)/64+1)
	for e := range ix.edges {
		if e>>32 == 0 {
			id := uint32(e)
			ix.rootBits[id/64] |= 1 << (id % 64)
		}
	}
}

// startsAlias reports whether some alias starts with word id.
func (ix *Index) startsAlias(id uint32) bool {
	return ix.rootBits[id/64]&(1<<(id%64)) != 0
}

// Vocabulary returns the number of distinct token keys.
func (ix *Index) Vocabulary() int { return len(ix.vocab) }

// step follows the edge labelled id from node; ok is false when there is none.
func (ix *Index) step(node, id uint32) (uint32, bool) {
	if node == 0 && !ix.startsAlias(id) {
		return 0, false
	}
	child, ok := ix.edges[uint64(node)<<32|uint64(id)]
	return child, ok
}

// at returns the targets ending at node.
func (ix *Index) at(node uint32) []Target {
	return ix.targets[ix.first[node]:ix.first[node+1]]
}

// keyOf folds a token for the trie into dst[:0]. Abbreviated name parts
// are spelt out, so "St. Petersburg" and "Sankt Petersburg" share a path.
func keyOf(dst []byte, text string) []byte {
	dst = fold.AppendKey(dst[:0], text)
	if len(dst) == 3 && dst[2] == '.' {
		switch string(dst) {
		case "st.":
			dst = append(dst[:0], "sankt"...)
		case "hl.":
			dst = append(dst[:0], "heilige"...)
		}
	}
	return dst
}

// IDs returns the token ids of a phrase, or nil when a word of it is not
// in the vocabulary.
func (ix *Index) IDs(phrase string) []uint32 {
	var ids []uint32
	var key []byte
	for _, t := range token.Tokenize(nil, phrase) {
		if t.Kind == token.Quote {
			continue
		}
		key = keyOf(key, t.Text(phrase))
		id := ix.Lookup(key)
		if id == 0 {
			return nil
		}
		ids = append(ids, id)
	}
	return ids
}
