package tagger

import (
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/match"
	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/token"
	"github.com/schlagwort/schlagwort/internal/topic"
)

// state is the work of one Tag call; pooled, so its slices are reused.
type state struct {
	t         *Tagger
	a         *tagging.Article
	fields    [2]field // title, body
	ments     []mention
	cands     []cand         // backing store of every mention's cands
	targets   []match.Target // scratch
	words     []topic.Word   // scratch of topicInput
	topicEnts []topic.Entity // scratch of topicInput
	sure      []int32        // entities linked for sure, see sureEntities
	active    []shortEntry   // scratch of activeShortForms
	seen      []int32        // scratch of activeShortForms
	keyBuf    []byte         // scratch of matchCandidateSurnames
	heads     []tokenRef     // head nouns of organisation candidates, see candidateHead

	// scratch of entities
	groups   []group
	groupOf  map[string]int32 // group key -> index into groups
	groupIdx []int32          // group of each grouped mention, in order
}

// field is one tokenized text of the article.
type field struct {
	id      tagging.Field
	text    string
	toks    []token.Token
	units   []match.Unit
	taken   []bool   // token is inside a mention
	leadEnd int      // byte offset where the lead ends (body only), see leadBytes
	cues    []uint64 // cue kinds per token, see cueMask
	keyBuf  []byte   // folded token keys, see match.Unit.Key
	u16     []int32  // UTF-16 corrections by 8-byte block, see utf16At
}

// mention is a span that refers, or may refer, to an entity.
type mention struct {
	f          *field
	start, end int // token indexes, half-open
	cands      []cand
	entity     int32 // resolved entity, -1 while unresolved or dropped
	alias      int32
	rule       string
	conf       float64
	common     bool     // every reading is an everyday word: needs evidence
	candidate  *unknown // set for candidates (no gazetteer entity)
}

// tokenRef is token i of field f.
type tokenRef struct {
	f *field
	i int
}

// cand is one entity a mention may refer to.
type cand struct {
	entity, alias int32
	common        bool
}

func (s *state) reset(t *Tagger, a *tagging.Article) {
	s.t, s.a = t, a
	s.ments = s.ments[:0]
	s.cands = s.cands[:0]
	s.heads = s.heads[:0]
	s.fields[0].load(tagging.Title, a.Title, t.ix)
	s.fields[1].load(tagging.Body, a.Body, t.ix)
}

func (f *field) load(id tagging.Field, text string, ix *match.Index) {
	f.id, f.text = id, text
	f.toks = token.Tokenize(f.toks, text)
	f.units, f.keyBuf = ix.Prepare(f.units, f.keyBuf, text, f.toks)
	f.leadEnd = leadBytes(f)
	f.taken = resize(f.taken, len(f.toks))
	f.u16 = f.u16[:0]
	if cap(f.cues) < len(f.toks) {
		f.cues = make([]uint64, len(f.toks))
	}
	f.cues = f.cues[:len(f.toks)]
	clear(f.cues)
}

// resize returns b with n false values, reusing its array.
func resize(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// key returns the folded key of token i. The bytes are valid until the
// next Tag call; compare them or look them up with string(key), which does
// not allocate.
func (f *field) key(i int) []byte {
	at := f.units[i].Key
	return f.keyBuf[at[0]:at[1]:at[1]]
}

// text of tokens [i, j).
func (f *field) span(i, j int) string { return f.text[f.toks[i].Start:f.toks[j-1].End] }

func (s *state) run() {
	for i := range s.fields {
		s.matchAliases(&s.fields[i])
	}
	s.resolve()
	s.matchShortForms()
	s.matchAcronyms()
	s.findCandidates()
	s.matchDerived() // last: "Helmstedter Feinmechanik GmbH" is a company first
}

func (s *state) entity(i int32) *gazetteer.Entity { return s.t.g.Entities[i] }

// matchAliases walks the field leftmost-longest and records every alias.
func (s *state) matchAliases(f *field) {
	ix := s.t.ix
	for i := 0; i < len(f.units); {
		if f.units[i].N == 0 {
			i++ // no reading of this word is in the vocabulary
			continue
		}
		m, ok := ix.Longest(f.units, i)
		if !ok {
			i++
			continue
		}
		s.targets = ix.Targets(s.targets, m, f.units)
		s.addMatch(f, m)
		i = m.End
	}
}

func (s *state) addMatch(f *field, m match.Match) {
	men := mention{f: f, start: m.Start, end: m.End, entity: -1, common: true}
	lo := len(s.cands)
	for _, t := range s.targets {
		if hasCand(s.cands[lo:], t.Entity) {
			continue
		}
		c := cand{entity: t.Entity, alias: int32(t.Alias), common: t.Flags()&match.Common != 0}
		s.cands = append(s.cands, c)
		men.common = men.common && c.common
	}
	men.cands = s.cands[lo:len(s.cands):len(s.cands)]
	initial := sentenceInitial(f, m.Start) && (articles[string(f.key(m.Start))] || m.End-m.Start == 1 && clauseOpener(f, m.Start))
	loose := m.Forms == match.Loose && m.End-m.Start == 1
	if initial || loose {
		// "Die Welt ist …": a capital at sentence start is no evidence; a
		// lone word read loosely needs context (Takt is not TAKKT): every
		// reading needs evidence, as an everyday word would.
		men.common = true
		for i := range men.cands {
			men.cands[i].common = true
		}
	}
	men.rule = ruleOf(f, m, s.entity(men.cands[0].entity), int(men.cands[0].alias))
	s.take(f, m.Start, m.End)
	s.ments = append(s.ments, men)
}

func hasCand(cs []cand, e int32) bool {
	for _, c := range cs {
		if c.entity == e {
			return true
		}
	}
	return false
}

func (s *state) take(f *field, i, j int) {
	for k := i; k < j; k++ {
		f.taken[k] = true
	}
}

// sentenceInitial reports whether token i opens a sentence or a quotation
// ("sagte: „Die Welt …").
func sentenceInitial(f *field, i int) bool {
	for k := i; k >= 0; k-- {
		t := f.toks[k]
		if k < i && t.Kind == token.Punct && f.text[t.Start] == ':' {
			return true
		}
		if k < i && t.Kind != token.Quote && !(t.Kind == token.Punct && f.text[t.Start] == '(') {
			return false // a word before: "In Iowa" does not open the sentence with Iowa
		}
		if t.Is(token.SentenceStart) {
			return true
		}
	}
	return true
}

// clauseOpener reports a sentence-initial word that is an everyday word
// opening a clause rather than a name: "Weil die Nachfrage …", "Kurz
// darauf …" (but "Weil sagte …").
func clauseOpener(f *field, i int) bool {
	if !openers[string(f.key(i))] || i+1 >= len(f.toks) {
		return false
	}
	return functionWords[string(f.key(i+1))] || f.toks[i+1].Kind == token.Punct
}

// openers are conjunctions and adverbs that are also surnames.
var openers = map[string]bool{
	"weil": true, "will": true, "kurz": true, "hart": true, "lang": true, "klein": true,
	"bald": true, "noch": true, "schon": true, "gern": true, "frei": true, "hoch": true,
}

// functionWords follow a clause opener but not a name as subject.
var functionWords = map[string]bool{
	"die": true, "der": true, "das": true, "den": true, "dem": true, "des": true, "ein": true,
	"eine": true, "einer": true, "einen": true, "einem": true, "er": true, "sie": true, "es": true,
	"wir": true, "ich": true, "ihr": true, "man": true, "darauf": true, "danach": true, "dann": true,
	"nach": true, "vor": true, "zuvor": true, "bei": true, "mit": true, "zu": true, "im": true, "am": true,
	"so": true, "sich": true, "nicht": true, "auch": true, "dies": true, "diese": true, "dieser": true,
}

// articles are German determiners: an alias starting with one ("Die Welt",
// "Die Linke") at the start of a sentence needs evidence.
var articles = map[string]bool{"die": true, "der": true, "das": true, "den": true, "dem": true, "des": true}

// ruleOf names how the match was made: compound (a part of a hyphenated
// compound), translit, inflection, spelling (diacritics, umlauts, hyphens)
// or exact.
func ruleOf(f *field, m match.Match, e *gazetteer.Entity, alias int) string {
	first, last := f.toks[m.Start], f.toks[m.End-1]
	switch {
	case first.Is(token.JoinedPrev) || last.Is(token.JoinedNext):
		return "compound"
	case m.Forms == match.Loose:
		return "translit"
	case m.Forms == match.Declined:
		return "inflection"
	case f.span(m.Start, m.End) != e.Alias(alias).Text: // last: finding the alias walks the entity's names
		return "spelling"
	}
	return "exact"
}
