package match

import (
	"slices"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/token"
)

// maxAlts is the number of alternative keys a text token can carry.
const maxAlts = 4

// Alt is one way to read a text token: a vocabulary id and what it costs.
type Alt struct {
	ID     uint32
	Root   uint32 // the trie node below the root by ID, 0 when no alias starts with it
	Form   Form   // Exact, Declined (an inflection was stripped) or Loose
	Ending byte   // for Declined: the last letter of the stripped ending (s, n, r, m)
}

// Unit is a text token prepared for matching.
type Unit struct {
	Tok  token.Token
	Alts [maxAlts]Alt
	N    uint8    // number of valid Alts
	Key  [2]int32 // the folded key is keys[Key[0]:Key[1]] of Prepare's keys
}

// Prepare computes the folded key and the alternatives of every token of
// text into units (reused). The keys are appended to keys, which it
// returns too. Only tokens whose key or inflected or loose key is in the
// vocabulary get alternatives.
func (ix *Index) Prepare(units []Unit, keys []byte, text string, toks []token.Token) ([]Unit, []byte) {
	units, keys = slices.Grow(units[:0], len(toks))[:len(toks)], keys[:0]
	for i, t := range toks {
		u := &units[i]
		*u = Unit{Tok: t}
		start := len(keys)
		keys = appendKey(keys, t.Text(text))
		u.Key = [2]int32{int32(start), int32(len(keys))}
		if t.Kind != token.Quote {
			ix.alternatives(u, keys[start:])
		}
	}
	return units, keys
}

func (ix *Index) alternatives(u *Unit, k []byte) {
	h, h1, h2 := hashes(k)
	ix.push(u, h, Exact)
	if u.Tok.Kind != token.Word {
		return
	}
	if !u.Tok.Is(token.Upper) {
		if len(k) >= 6 {
			ix.inflections(u, k, h1, h2) // "der sächsischen CDU": adjectives inside names
		}
		return
	}
	protected := u.N > 0 && ix.isProtected(u.Alts[0].ID)
	if !protected {
		ix.inflections(u, k, h1, h2)
	}
	if len(k) < minLooseWord || protected || u.N > 0 && u.Alts[0].Form == Exact && u.Alts[0].Root != 0 {
		return // a given name or a word that starts aliases is read as itself: Rainer is not Rayner
	}
	if h, differs := looseHash(k); differs {
		ix.push(u, h, Loose)
	}
}

// looseHash returns the hash of the loose key of k (see fold.AppendLoose)
// without building it, and whether it differs from k.
func looseHash(k []byte) (h uint64, differs bool) {
	h = offset64
	var prev byte
	for i := 0; i < len(k); {
		if c := k[i]; !fold.LooseLetter[c] { // the common case: the letter stays
			if c != prev {
				h = (h ^ uint64(c)) * prime64
				prev = c
			} else {
				differs = true
			}
			i++
			continue
		}
		n, out := fold.LooseAt(k, i)
		differs = differs || out != string(k[i:i+n])
		for j := 0; j < len(out); j++ {
			if c := out[j]; c != prev {
				h = (h ^ uint64(c)) * prime64
				prev = c
			} else {
				differs = true // a doubled letter collapses
			}
		}
		i += n
	}
	return h, differs
}

// hashes returns the hash of k and of k without its last one and two
// bytes (FNV-1a is computed left to right, so these come for free).
func hashes(k []byte) (h, h1, h2 uint64) {
	h = offset64
	for i, c := range k {
		if i == len(k)-2 {
			h2 = h
		}
		if i == len(k)-1 {
			h1 = h
		}
		h ^= uint64(c)
		h *= prime64
	}
	return h, h1, h2
}

// inflections pushes the key with a genitive (-s, -es) or a declension
// ending (-n, -r, -m after -e) removed: Russlands → russland, Deutschen →
// deutsche, Emiraten → emirate. h1 and h2 are the hashes of k without its
// last one and two bytes.
func (ix *Index) inflections(u *Unit, k []byte, h1, h2 uint64) {
	n := len(k)
	if n < 4 {
		return
	}
	switch c := k[n-1]; c {
	case 's':
		ix.pushEnding(u, h1, c)
		if k[n-2] == 'e' && n > 5 {
			ix.pushEnding(u, h2, c)
		}
	case 'n', 'r', 'm':
		if k[n-2] == 'e' {
			ix.pushEnding(u, h1, c)
		}
	}
}

func (ix *Index) push(u *Unit, h uint64, f Form) {
	if u.N == maxAlts {
		return
	}
	if id, root := ix.lookupHash(h); id != 0 {
		u.Alts[u.N] = Alt{ID: id, Root: root, Form: f}
		u.N++
	}
}

func (ix *Index) pushEnding(u *Unit, h uint64, ending byte) {
	n := u.N
	ix.push(u, h, Declined)
	if u.N > n {
		u.Alts[n].Ending = ending
	}
}
