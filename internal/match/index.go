// Package match finds gazetteer aliases in tokenized German text: a token
// trie over folded keys, walked leftmost-longest, with German inflection
// (Russlands, der Deutschen Bank), umlaut transcriptions and loose
// transliteration keys as alternatives per token.
package match

import (
	"sort"

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
	vocab   map[string]uint32 // folded token key -> id, ids from 1
	edges   map[uint64]uint32 // parent node << 32 | token id -> child node
	nodes   uint32            // node count; node 0 is the root
	first   []uint32          // first[n]..first[n+1]: targets ending at node n
	targets []Target

	protected map[string]bool // folded words never reduced by inflection
}

// Builder collects alias variants and builds an Index.
type Builder struct {
	ix      *Index
	pending []pendingTarget
	keys    [][]byte // scratch: folded keys of the current alias
	toks    []token.Token
}

type pendingTarget struct {
	node uint32
	t    Target
}

// NewBuilder returns a builder sized for about n aliases.
func NewBuilder(n int) *Builder {
	return &Builder{ix: &Index{
		vocab: make(map[string]uint32, n),
		edges: make(map[uint64]uint32, n*2),
		nodes: 1,
	}}
}

// Build finishes the index. The builder must not be used afterwards.
func (b *Builder) Build() *Index {
	ix := b.ix
	sort.SliceStable(b.pending, func(i, j int) bool { return b.pending[i].node < b.pending[j].node })
	ix.first = make([]uint32, ix.nodes+1)
	ix.targets = make([]Target, len(b.pending))
	for i, p := range b.pending {
		ix.targets[i] = p.t
		ix.first[p.node+1]++
	}
	for n := uint32(1); n <= ix.nodes; n++ {
		ix.first[n] += ix.first[n-1]
	}
	b.pending = nil
	return ix
}

// Word adds a folded word to the vocabulary without an alias, so that
// callers can attach their own classes to its id; it returns the id.
func (b *Builder) Word(key string) uint32 {
	id, ok := b.ix.vocab[key]
	if !ok {
		id = uint32(len(b.ix.vocab) + 1)
		b.ix.vocab[key] = id
	}
	return id
}

// insert adds the path of keys and records t at its end.
func (b *Builder) insert(keys [][]byte, t Target) {
	ix := b.ix
	node := uint32(0)
	for _, k := range keys {
		id, ok := ix.vocab[string(k)]
		if !ok {
			id = b.Word(string(k))
		}
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
func (ix *Index) Lookup(key []byte) uint32 { return ix.vocab[string(key)] }

// Vocabulary returns the number of distinct token keys.
func (ix *Index) Vocabulary() int { return len(ix.vocab) }

// step follows the edge labelled id from node; ok is false when there is none.
func (ix *Index) step(node, id uint32) (uint32, bool) {
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
	if exp, ok := expansions[string(dst)]; ok {
		dst = append(dst[:0], exp...)
	}
	return dst
}

var expansions = map[string]string{"st.": "sankt", "hl.": "heilige"}

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
		id := ix.vocab[string(key)]
		if id == 0 {
			return nil
		}
		ids = append(ids, id)
	}
	return ids
}
