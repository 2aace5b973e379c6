// Package match finds gazetteer aliases in tokenized German text: a token
// trie over folded keys, walked leftmost-longest, with German inflection
// (Russlands, der Deutschen Bank), umlaut transcriptions and loose
// transliteration keys as alternatives per token.
package match

import (
	"fmt"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/token"
)

// Form tells how an alias variant was derived from the alias as written.
type Form uint8

const (
	Exact    Form = iota // as written, folded
	Declined             // adjectives inside the name declined: Deutschen Bank
	Loose                // transliteration key: Medvedev for Medwedew
)

// Target flags.
const (
	Acronym uint8 = 1 << iota // written in capitals: matches only in capitals
	Common                    // also an everyday word: needs evidence
)

// maxAliasWords bounds the words of an alias (and the bits of casePattern).
const maxAliasWords = 16

// Target is one alias variant that ends at a trie node. Its number of
// tokens is the depth of that node. It takes 8 bytes (an index may hold
// millions): which of the alias's tokens start upper case or are all
// capitals is kept once per pattern in Index.cases, and a million aliases
// show about 125 patterns.
type Target struct {
	Entity int32  // index into the gazetteer's Entities
	Alias  uint16 // index into that entity's Aliases (a record of at most 64 KB has fewer than 65,536)
	bits   uint16 // case pattern<<4 | Form<<2 | flags
}

// Form returns how the variant was derived from the alias.
func (t Target) Form() Form { return Form(t.bits >> 2 & 3) }

// Flags returns the target's flags: Acronym, Common.
func (t Target) Flags() uint8 { return uint8(t.bits & 3) }

func (t Target) pattern() uint16 { return t.bits >> 4 }

// casePattern tells which tokens of an alias start upper case (bit i:
// token i) and which are all capitals (FC, EU).
type casePattern struct{ upper, caps uint16 }

// maxPatterns bounds the case patterns of an index (12 bits of
// Target.bits). Pattern 0 demands nothing: the aliases of a gazetteer with
// more patterns than that match regardless of case.
const maxPatterns = 1 << 12

var anyCase = casePattern{upper: 0, caps: 0xffff}

// Index maps token sequences to targets. It is immutable after Build and
// safe for concurrent use.
type Index struct {
	// words maps the 64-bit FNV-1a hash of a folded token key to its id
	// (ids from 1). Keys are not stored, only 32 bits of the mixed hash
	// (wordTable keeps words whose 32 bits agree apart): keys would take a
	// third of the index's memory.
	words wordTable

	// The trie. Node 0 is the root; the node reached from the root by a
	// word is kept in the word's slot, so that reading a token yields its
	// first step. Deeper edges are stored per node, sorted by word:
	// children[childAt[n]:childAt[n+1]] for the nodes below inner; the
	// nodes from inner on are leaves (see numbering).
	childAt  []uint32
	children []edge
	nodes    uint32
	inner    uint32

	// first[n-base]..first[n-base+1]: targets ending at node n; the nodes
	// below base have none.
	first   []uint32
	targets []Target
	base    uint32

	cases     []casePattern // by Target.pattern
	protected []uint64      // bit id: a word never reduced by inflection (given names)
	denID     uint32        // id of "den", which licenses a dative plural -n

	// A Bloom filter in front of vocab, so that the many words of a text
	// that are no alias word cost a bit probe instead of a map lookup
	// (which, at a million aliases, is a cache miss).
	bloom []uint64 // bit mix(hash)>>shift set for every word hash
	shift uint     // 64 - log2(len(bloom)*64)
}

// edge is a trie edge below the root.
type edge struct {
	word, node uint32
}

// hashKey is 64-bit FNV-1a.
func hashKey(k []byte) uint64 {
	h := uint64(offset64)
	for _, c := range k {
		h ^= uint64(c)
		h *= prime64
	}
	return h
}

const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// ExactID returns the vocabulary id of a unit read as itself, or 0.
func ExactID(u *Unit) uint32 {
	if u.N > 0 && u.Alts[0].Form == Exact {
		return u.Alts[0].ID
	}
	return 0
}

// Lookup returns the id of a folded token key, or 0.
func (ix *Index) Lookup(key []byte) uint32 {
	id, _ := ix.lookupHash(hashKey(key))
	return id
}

// lookupHash returns the id of a key hash and the trie node below the
// root by it (see wordSlot), or 0, 0.
func (ix *Index) lookupHash(h uint64) (id, root uint32) {
	m := mix(h)
	if b := m >> ix.shift; ix.bloom[b/64]&(1<<(b%64)) == 0 {
		return 0, 0
	}
	return ix.words.get(m)
}

// isProtected reports whether word id is never reduced by inflection.
func (ix *Index) isProtected(id uint32) bool { return ix.protected[id/64]&(1<<(id%64)) != 0 }

// Vocabulary returns the number of distinct token keys.
func (ix *Index) Vocabulary() int { return ix.words.n }

// step follows the edge labelled id from node, which is not the root (see
// Alt.Root); ok is false when there is none.
func (ix *Index) step(node, id uint32) (uint32, bool) {
	if node >= ix.inner {
		return 0, false
	}
	kids := ix.children[ix.childAt[node]:ix.childAt[node+1]]
	if len(kids) <= 8 {
		for _, e := range kids {
			if e.word == id {
				return e.node, true
			}
		}
		return 0, false
	}
	lo, hi := 0, len(kids)
	for lo < hi {
		m := (lo + hi) / 2
		if kids[m].word < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(kids) && kids[lo].word == id {
		return kids[lo].node, true
	}
	return 0, false
}

// at returns the targets ending at node.
func (ix *Index) at(node uint32) []Target {
	if node < ix.base {
		return nil
	}
	i := node - ix.base
	return ix.targets[ix.first[i]:ix.first[i+1]]
}

// keyOf folds a token for the trie into dst[:0].
func keyOf(dst []byte, text string) []byte { return appendKey(dst[:0], text) }

// appendKey appends the folded key of a token. Abbreviated name parts are
// spelt out, so "St. Petersburg" and "Sankt Petersburg" share a path.
func appendKey(dst []byte, text string) []byte {
	start := len(dst)
	dst = fold.AppendKey(dst, text)
	if k := dst[start:]; len(k) == 3 && k[2] == '.' {
		switch string(k) {
		case "st.":
			dst = append(dst[:start], "sankt"...)
		case "hl.":
			dst = append(dst[:start], "heilige"...)
		}
	}
	return dst
}

// IDs returns the token ids of a phrase, or nil when a word of it is not
// in the vocabulary.
func (ix *Index) IDs(phrase string) []uint32 {
	ids, _ := ix.AppendIDs(nil, nil, phrase)
	if len(ids) == 0 {
		return nil
	}
	return ids
}

// AppendIDs appends the token ids of a phrase to dst, or nothing when a
// word of it is not in the vocabulary. toks is scratch for the tokens,
// returned for reuse: a caller that reads a million phrases makes no
// garbage.
func (ix *Index) AppendIDs(dst []uint32, toks []token.Token, phrase string) ([]uint32, []token.Token) {
	toks = token.Tokenize(toks, phrase)
	n := len(dst)
	var key [64]byte
	for _, t := range toks {
		if t.Kind == token.Quote {
			continue
		}
		id := ix.Lookup(keyOf(key[:0], t.Text(phrase)))
		if id == 0 {
			return dst[:n], toks
		}
		dst = append(dst, id)
	}
	return dst, toks
}

// Stats describes the index's size.
func (ix *Index) Stats() string {
	return fmt.Sprintf("%d words, %d nodes, %d targets", ix.words.n, ix.nodes, len(ix.targets))
}
