package tagger

import (
	"slices"
	"strings"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/token"
)

// Evidence weights; a common-word alias needs minEvidence to be tagged.
const (
	wCueSentence = 1.0 // a cue word of the entity's kind in the same sentence
	wCueArticle  = 0.3 // ... elsewhere in the article (per word, at most 3)
	wRelated     = 0.8 // a related entity is linked elsewhere in the article
	wSameEntity  = 1.5 // the entity is linked elsewhere under an unambiguous name
	wLocative    = 0.7 // a place after "in", "aus", "nach" ...
	wQuoted      = 1.0 // the name stands in quotes: „Bild“
	wPrior       = 0.5 // times the gazetteer's popularity prior
	minEvidence  = 0.7
)

// resolve picks one entity for every mention, drops common-word mentions
// without evidence, and sets confidences.
func (s *state) resolve() {
	s.sureEntities()
	for i := range s.ments {
		m := &s.ments[i]
		if len(m.cands) == 1 && !m.common {
			m.entity, m.alias, m.conf = m.cands[0].entity, m.cands[0].alias, ruleConfidence[m.rule]
			continue
		}
		s.resolveOne(m)
	}
}

// sureEntities collects into s.sure the entities linked by unambiguous,
// non-common mentions, each once. A slice rather than a map: an article
// has a few dozen, and relatedToSure walks them all for every reading.
func (s *state) sureEntities() {
	s.sure = s.sure[:0]
	for _, m := range s.ments {
		if len(m.cands) == 1 && !m.common && !s.isSure(m.cands[0].entity) {
			s.sure = append(s.sure, m.cands[0].entity)
		}
	}
}

func (s *state) isSure(e int32) bool { return slices.Contains(s.sure, e) }

func (s *state) resolveOne(m *mention) {
	best, total, bestScore := -1, 0.0, 0.0
	nounContext := commonNounContext(m)
	var cues cueCache
	for ci, c := range m.cands {
		if c.common && nounContext {
			continue // "ein Signal", "überfälligen Signal": the everyday word
		}
		ent := s.entity(c.entity)
		ev := s.evidence(m, c.entity, ent)
		if len(m.cands) > 1 || ev < minEvidence {
			ev += cues.get(s, m, ent) // a lone reading with enough evidence needs no more
		}
		score := ev + wPrior*float64(s.entity(c.entity).Prior)
		if c.common && ev < minEvidence {
			continue
		}
		total += score
		if score > bestScore {
			best, bestScore = ci, score
		}
	}
	if best < 0 {
		return // no reading has the evidence it needs
	}
	c := m.cands[best]
	m.entity, m.alias = c.entity, c.alias
	m.conf = ruleConfidence[m.rule] * bestScore / total
	if m.rule == "exact" || m.rule == "spelling" {
		m.rule = "context"
	}
}

// cueCache remembers the cue evidence of one mention by entity kind: the
// readings of an ambiguous name are often of the same kind.
type cueCache struct {
	n     int
	kinds [4]string
	ev    [4]float64
}

func (c *cueCache) get(s *state, m *mention, e *gazetteer.Entity) float64 {
	kind := e.Kind()
	for i := range c.n {
		if c.kinds[i] == kind {
			return c.ev[i]
		}
	}
	ev := s.cueEvidence(m, e)
	if c.n < len(c.kinds) {
		c.kinds[c.n], c.ev[c.n] = kind, ev
		c.n++
	}
	return ev
}

var ruleConfidence = map[string]float64{
	"exact": 0.95, "spelling": 0.9, "inflection": 0.9, "compound": 0.85, "translit": 0.8,
	"short-form": 0.85, "acronym": 0.85,
}

// commonNounContext reports a mention preceded by an indefinite article
// or a lower-case declined adjective ("ein Bild", "an zentraler Stelle",
// "einem überfälligen Signal"; an adjective in -e only after a
// determiner, "die neue Bild"): there a word that is also a name is the
// everyday word. ("lobte Medvedev" is no such context.)
func commonNounContext(m *mention) bool {
	f, i := m.f, m.start-1
	if i < 0 || !lowerWord(f, i) {
		return false
	}
	k := f.key(i)
	switch {
	case indefinites[string(k)]:
		return true
	case len(k) >= 5 && k[len(k)-2] == 'e' && strings.IndexByte("nrsm", k[len(k)-1]) >= 0:
		return true // "zentraler Stelle", "überfälligen Signal"
	}
	// A bare -e may be a verb ("lobte Medvedev"): only after a determiner.
	return i > 0 && declined(k) && lowerWord(f, i-1) &&
		(indefinites[string(f.key(i-1))] || articles[string(f.key(i-1))])
}

func lowerWord(f *field, i int) bool {
	return f.toks[i].Kind == token.Word && !f.toks[i].Is(token.Upper)
}

var indefinites = wordSet(`ein eine einen einem einer eines kein keine keinen keinem keiner`)

// evidence sums the context, apart from cue words, that supports reading
// m as entity e (ent).
func (s *state) evidence(m *mention, e int32, ent *gazetteer.Entity) float64 {
	ev := 0.0
	if s.isSure(e) {
		ev += wSameEntity
	}
	if s.relatedToSure(e, ent) {
		ev += wRelated
	}
	if ent.Type == tagging.Location && s.locative(m, ent.Kind()) && !directions[string(m.f.key(m.start))] {
		ev += wLocative
	}
	if quoted(m) {
		ev += wQuoted
	}
	return ev
}

// relatedToSure reports whether a surely linked entity is e's parent or
// child, shares its parent, or is of the same kind (club and club, party
// and party). Entity ids are unique, so the same index is the same entity.
func (s *state) relatedToSure(ei int32, e *gazetteer.Entity) bool {
	parent, kind := e.Parent(), e.Kind()
	for _, id := range s.sure {
		o := s.entity(id)
		switch {
		case id == ei:
		case o.ID() == parent || o.Parent() == e.ID():
			return true
		case kind != "" && o.Kind() == kind && kind != "country" && kind != "city":
			return true
		case parent != "" && o.Parent() == parent && o.Type == e.Type:
			return true
		}
	}
	return false
}

// directions are compass words: "nach Norden" is a direction, not the
// town Norden.
var directions = wordSet(`norden süden osten westen nordosten nordwesten südosten südwesten`)

// locatives are prepositions that put a place after them: "in Essen", not
// "beim Essen".
var locatives = wordSet(`in aus nach bei nahe von über durch um`)

// locative reports a locative preposition before m. Landscapes, rivers
// and seas take an article, so for those kinds "im Harz", "am Rhein", "in
// der Eifel", "an der Havel" count too; for towns they do not: "im Hof
// spielten Kinder".
func (s *state) locative(m *mention, kind string) bool {
	if m.start == 0 {
		return false
	}
	prev := string(m.f.key(m.start - 1))
	switch {
	case locatives[prev]:
		return true
	case !landscapes[kind]:
		return false
	case landscapePreps[prev]:
		return true
	}
	return m.start >= 2 && articles[prev] && landscapePreps2[string(m.f.key(m.start-2))]
}

// landscapes are the kinds of place that German names with an article.
var landscapes = map[string]bool{"region": true, "mountain": true, "river": true, "sea": true, "island": true, "landmark": true}

// landscapePreps contain an article: im, am, ins, vom, zum, zur.
var landscapePreps = wordSet(`im am ins vom zum zur beim`)

// landscapePreps2 come before an article: in der Eifel, an der Havel.
var landscapePreps2 = wordSet(`in an auf aus von zu nach über durch um bei`)

// quoted reports a name set in quotes: „Bild“, »Welt«, "Bild".
func quoted(m *mention) bool {
	f := m.f
	if m.start == 0 || m.end >= len(f.toks) {
		return false
	}
	before, after := f.toks[m.start-1], f.toks[m.end]
	return before.Kind == token.Quote && after.Kind == token.Quote &&
		before.End == f.toks[m.start].Start && after.Start == f.toks[m.end-1].End
}

// cueEvidence counts cue words of the entity's kind near the mention: in
// its sentence at full weight; in the sentences before and after it and in
// the title at a lower weight (at most three).
func (s *state) cueEvidence(m *mention, e *gazetteer.Entity) float64 {
	bit := s.t.cues.bit[e.Kind()]
	if bit == 0 {
		return 0
	}
	f := m.f
	lo, hi := sentenceOf(f, m.start)
	near := s.countCues(f, lo, hi, m, bit)
	far := 0
	if lo > 0 {
		plo, _ := sentenceOf(f, lo-1)
		far += s.countCues(f, plo, lo, m, bit)
	}
	if hi < len(f.toks) {
		_, nhi := sentenceOf(f, hi)
		far += s.countCues(f, hi, nhi, m, bit)
	}
	if f.id == tagging.Body {
		far += s.countCues(&s.fields[0], 0, len(s.fields[0].toks), m, bit)
	}
	return wCueSentence*float64(near) + wCueArticle*float64(min(far, 3))
}

// countCues counts cue words of kind bit in tokens [lo, hi) of f outside
// mention m. Mentions are never cue words themselves (a cue word is a
// common noun), so the exclusion only guards odd gazetteers.
func (s *state) countCues(f *field, lo, hi int, m *mention, bit uint64) int {
	n := 0
	for i := lo; i < hi; i++ {
		if s.cueMask(f, i)&bit != 0 && !(f == m.f && i >= m.start && i < m.end) {
			n++
		}
	}
	return n
}

// cueMask returns the cue kinds of token i, computed once per article.
func (s *state) cueMask(f *field, i int) uint64 {
	if f.cues[i]&computed == 0 {
		f.cues[i] = computed
		if f.toks[i].Kind == token.Word {
			f.cues[i] |= s.t.cues.mask(f.key(i))
		}
	}
	return f.cues[i]
}

// sentenceOf returns the token range of the sentence holding token i.
func sentenceOf(f *field, i int) (int, int) {
	lo := i
	for lo > 0 && !f.toks[lo].Is(token.SentenceStart) {
		lo--
	}
	hi := i + 1
	for hi < len(f.toks) && !f.toks[hi].Is(token.SentenceStart) {
		hi++
	}
	return lo, hi
}
