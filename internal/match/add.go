package match

import (
	"runtime"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/token"
)

// Alias is one alias to add: the text as written and the target it leads
// to (Entity, Alias and the Common flag are taken from it).
type Alias struct {
	Entity int32
	Index  uint16
	Text   string
	Common bool
}

// Add registers one alias with all its variants; see AddAll.
func (b *Builder) Add(e int32, a uint16, text string, common bool) {
	var v variants
	v.add(Alias{e, a, text, common})
	b.lookUp(&v)
	b.insertAll(&v)
}

// AddAll registers the aliases of n items, aliases(i, dst) appending those
// of the i-th to dst, each with all its variants: as written, with the
// adjectives in it declined, and under loose transliteration keys. (Umlaut
// spellings need no variant: the fold key spells ä as ae.) The variants are
// computed on all cores; their words' ids are looked up on one goroutine
// and the trie is filled on another, batch after batch in order.
//
// A batch's buffers are handed back once its paths are in the trie and
// reused for a later batch: at a million aliases, fresh buffers per batch
// were a quarter of all the memory start-up allocated.
func (b *Builder) AddAll(n int, aliases func(i int, dst []Alias) []Alias) {
	const chunk = 4096 // items
	ordered := make(chan chan *variants, runtime.GOMAXPROCS(0))
	free := make(chan *variants, cap(ordered)+4) // at most this many batches exist at once
	go func() {
		for lo := 0; lo < n; lo += chunk {
			done := make(chan *variants, 1)
			ordered <- done
			go func(lo, hi int) {
				v := reuse(free)
				for i := lo; i < hi; i++ {
					v.aliases = aliases(i, v.aliases[:0])
					for _, a := range v.aliases {
						v.add(a)
					}
				}
				done <- v
			}(lo, min(lo+chunk, n))
		}
		close(ordered)
	}()
	looked := make(chan *variants, 1)
	go func() {
		for done := range ordered {
			v := <-done
			b.lookUp(v)
			looked <- v
		}
		close(looked)
	}()
	for v := range looked {
		b.insertAll(v)
		select {
		case free <- v:
		default:
		}
	}
}

// reuse returns an emptied batch from free, or a new one.
func reuse(free chan *variants) *variants {
	select {
	case v := <-free:
		v.hashes, v.words, v.targets, v.ids = v.hashes[:0], v.words[:0], v.targets[:0], v.ids[:0]
		return v
	default:
		return new(variants)
	}
}

// variants holds the key paths of a batch of aliases: path i has target
// targets[i] and is the next words[i] entries of hashes, the word hashes
// of its keys, and of ids, their ids.
type variants struct {
	hashes  []uint64
	words   []uint8
	targets []pending
	ids     []uint32 // set by lookUp

	aliases []Alias       // scratch: the aliases of the current item
	toks    []token.Token // scratch
	path    [][]byte      // scratch: keys of the current alias
	loose   []byte        // scratch
}

// lookUp sets the ids of a batch's words, giving new words the next ids.
// It looks up all of them before the batch's paths are inserted: the
// lookups do not wait for each other, so the processor overlaps their
// cache misses.
func (b *Builder) lookUp(v *variants) {
	v.ids = v.ids[:0]
	for _, h := range v.hashes {
		v.ids = append(v.ids, b.ix.words.id(h))
	}
}

// insertAll inserts the paths of a batch whose ids are set.
func (b *Builder) insertAll(v *variants) {
	ids := v.ids
	b.touchSecondSteps(ids, v.words)
	for i, t := range v.targets {
		n := int(v.words[i])
		b.insert(ids[:n], b.target(t))
		ids = ids[n:]
	}
}

// touchSecondSteps reads, for every path of a batch, the root child of
// its first word and the edge-table slot of its second step, without
// depending on each other's results: the processor overlaps their cache
// misses, which the inserts, one path after the other, would take one at
// a time. Paths of a new first word miss nothing here.
func (b *Builder) touchSecondSteps(ids []uint32, words []uint8) {
	var sum uint32
	for _, n := range words {
		if n >= 2 && int(ids[0]) < len(b.rootChild) {
			if node := b.rootChild[ids[0]]; node != 0 {
				sum += b.edges.slots[b.edges.home(node, ids[1])].child
			}
		}
		ids = ids[n:]
	}
	b.touched += sum // kept, so that the reads are not left out
}

// pending is a target as the variants of a batch are computed, before
// the builder numbers its case pattern.
type pending struct {
	entity int32
	alias  uint16
	cases  casePattern
	form   Form
	flags  uint8
}

// target returns the Target of p, numbering its case pattern.
func (b *Builder) target(p pending) Target {
	if p.cases != b.lastCases { // most targets have the pattern of the one before
		n, ok := b.patterns[p.cases]
		if !ok {
			if len(b.ix.cases) < maxPatterns {
				n = uint16(len(b.ix.cases))
				b.ix.cases = append(b.ix.cases, p.cases)
			}
			b.patterns[p.cases] = n
		}
		b.lastCases, b.lastN = p.cases, n
	}
	return Target{Entity: p.entity, Alias: p.alias, bits: b.lastN<<4 | uint16(p.form)<<2 | uint16(p.flags)}
}

// add appends the key paths of one alias.
func (v *variants) add(a Alias) {
	toks := v.tokens(a.Text)
	if len(toks) == 0 || len(toks) > maxAliasWords {
		return
	}
	t, acronym := newPending(a, toks)
	path := v.fold(a.Text, toks)
	v.emit(path, t)
	v.addDeclined(path, toks, t)
	if !acronym {
		v.addLoose(path, t)
	}
}

// newPending returns the target of an alias and whether it is an acronym
// (written in capitals: WHO, KCNA).
func newPending(a Alias, toks []token.Token) (pending, bool) {
	t := pending{entity: a.Entity, alias: a.Index}
	if a.Common {
		t.flags |= Common
	}
	acronym := true
	for i, tok := range toks {
		if tok.Is(token.Upper) {
			t.cases.upper |= 1 << i
		}
		if tok.Is(token.AllUpper) {
			t.cases.caps |= 1 << i
		}
		if tok.Kind == token.Word && !tok.Is(token.AllUpper) {
			acronym = false
		}
	}
	if acronym {
		t.flags |= Acronym
	}
	return t, acronym
}

// emit appends one path.
func (v *variants) emit(path [][]byte, t pending) {
	for _, k := range path {
		v.hashes = append(v.hashes, wordHash(k))
	}
	v.words = append(v.words, uint8(len(path)))
	v.targets = append(v.targets, t)
}

// tokens tokenizes an alias, dropping quotes.
func (v *variants) tokens(text string) []token.Token {
	v.toks = token.Tokenize(v.toks, text)
	out := v.toks[:0]
	for _, t := range v.toks {
		if t.Kind != token.Quote {
			out = append(out, t)
		}
	}
	return out
}

// fold returns the folded keys of toks in v.path (reused).
func (v *variants) fold(text string, toks []token.Token) [][]byte {
	for len(v.path) < len(toks) {
		v.path = append(v.path, nil)
	}
	path := v.path[:len(toks)]
	for i, t := range toks {
		path[i] = keyOf(path[i], t.Text(text))
	}
	return path
}

// addDeclined adds the variant whose inner adjectives end in -e, the form
// the matcher reduces declined adjectives to: "Europäisches Parlament" is
// also stored as "europaische parlament", which "des Europäischen
// Parlaments" reaches.
func (v *variants) addDeclined(path [][]byte, toks []token.Token, t pending) {
	var declined [maxAliasWords][]byte
	if len(path) > len(declined) {
		return
	}
	changed := false
	for i, k := range path {
		declined[i] = k
		if i < len(path)-1 && toks[i].Is(token.Upper) && !toks[i].Is(token.AllUpper) && adjectiveEnding(k) {
			declined[i], changed = k[:len(k)-1], true
		}
	}
	if changed {
		t.form = Declined
		v.emit(declined[:len(path)], t)
	}
}

// adjectiveEnding reports a strong or weak adjective ending after -e:
// -er, -es, -en, -em.
func adjectiveEnding(k []byte) bool {
	n := len(k)
	if n < 5 || k[n-2] != 'e' {
		return false
	}
	switch k[n-1] {
	case 'r', 's', 'n', 'm':
		return true
	}
	return false
}

// addLoose adds the loose transliteration variant. Short words are left
// as they are: their loose keys would merge too much (Inn and "in").
func (v *variants) addLoose(path [][]byte, t pending) {
	v.loose = v.loose[:0]
	var ends [maxAliasWords]int
	differs := false
	for i, k := range path {
		start := len(v.loose)
		if len(k) >= minLooseWord {
			v.loose = fold.AppendLoose(v.loose, k)
		} else {
			v.loose = append(v.loose, k...)
		}
		ends[i] = len(v.loose)
		differs = differs || string(v.loose[start:]) != string(k)
	}
	if !differs {
		return
	}
	var loose [maxAliasWords][]byte
	start := 0
	for i := range path {
		loose[i], start = v.loose[start:ends[i]], ends[i]
	}
	t.form = Loose
	v.emit(loose[:len(path)], t)
}

// minLooseWord is the shortest word that gets a loose key.
const minLooseWord = 4

// Protect marks words that are never reduced by inflection rules, such as
// given names (Hans is not the genitive of Han).
func (b *Builder) Protect(word string) {
	b.protected = append(b.protected, b.Word(fold.Key(word)))
}
