package tagger

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/token"
)

// matchCandidateSurnames links the last name of a person candidate when it
// recurs alone — "Wiegandt-Rühl sagte" after "Stadtrat Jonas
// Wiegandt-Rühl" — whether it is still untagged or became a candidate of
// its own ("…, sagte Evertsbusch").
func (s *state) matchCandidateSurnames() {
	last := make(map[string]*unknown)
	for _, m := range s.ments {
		if m.candidate != nil && m.candidate.typ == tagging.Person {
			if w := lastWord(m.f, m.start, m.end); w != m.f.span(m.start, m.end) {
				last[fold.Key(w)] = m.candidate
			}
		}
	}
	if len(last) == 0 {
		return
	}
	for k := range s.ments {
		m := &s.ments[k]
		if m.candidate != nil && m.candidate.typ == tagging.Person {
			if u, ok := last[m.candidate.key]; ok && u != m.candidate {
				m.candidate, m.rule = u, "short-form"
			}
		}
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		for i := range f.toks {
			if f.taken[i] || !f.toks[i].Is(token.Upper) {
				continue
			}
			j := i + 1
			for j < len(f.toks) && f.toks[j-1].Is(token.JoinedNext) {
				j++
			}
			s.keyBuf = fold.AppendKey(s.keyBuf[:0], f.span(i, j))
			if u, ok := last[string(s.keyBuf)]; ok && !f.toks[i].Is(token.JoinedPrev) {
				s.take(f, i, j)
				s.ments = append(s.ments, mention{f: f, start: i, end: j, entity: -1, alias: -1,
					candidate: u, rule: "short-form", conf: 0.5})
			}
		}
	}
}

// lastWord returns the last word of [i, j) with its hyphenated parts.
func lastWord(f *field, i, j int) string {
	k := j - 1
	for k > i && f.toks[k].Is(token.JoinedPrev) {
		k--
	}
	return f.span(k, j)
}

// group is one output entity being assembled.
type group struct {
	e        tagging.Entity
	first    int // byte position of the first mention, title before body
	titleHit bool
	leadHit  bool
	n        int
}

// entities groups the mentions by entity, scores salience and sorts:
// linked entities first, then candidates, each by salience. The groups
// and the index by key are pooled; the mentions of all entities share one
// array, sized by a first pass.
func (s *state) entities() []tagging.Entity {
	if s.groupOf == nil {
		s.groupOf = make(map[string]int32)
	}
	defer clear(s.groupOf)
	s.groups, s.groupIdx = s.groups[:0], s.groupIdx[:0]
	for i := range s.ments {
		m := &s.ments[i]
		if m.entity < 0 && m.candidate == nil {
			continue
		}
		key := s.groupKey(m)
		gi, ok := s.groupOf[key]
		if !ok {
			gi = int32(len(s.groups))
			s.groupOf[key] = gi
			s.groups = append(s.groups, s.newGroup(m))
		}
		s.groups[gi].n++ // counts mentions until addMention recounts
		s.groupIdx = append(s.groupIdx, gi)
	}
	all := make([]tagging.Mention, len(s.groupIdx))
	for i := range s.groups {
		g := &s.groups[i]
		g.e.Mentions, all = all[:0:g.n], all[g.n:]
		g.n = 0
	}
	k := 0
	for i := range s.ments {
		if m := &s.ments[i]; m.entity >= 0 || m.candidate != nil {
			s.addMention(&s.groups[s.groupIdx[k]], m)
			k++
		}
	}
	bodyLen := len(s.a.Body)
	out := make([]tagging.Entity, 0, len(s.groups))
	for i := range s.groups {
		g := &s.groups[i]
		sortMentions(g.e.Mentions)
		g.e.Salience = salience(g, bodyLen)
		out = append(out, g.e)
		g.e = tagging.Entity{} // the pool keeps no result alive
	}
	slices.SortStableFunc(out, func(a, b tagging.Entity) int {
		if a.Candidate != b.Candidate {
			if a.Candidate {
				return 1
			}
			return -1
		}
		return cmp.Compare(b.Salience, a.Salience)
	})
	return out
}

func (s *state) groupKey(m *mention) string {
	if m.candidate != nil {
		return "candidate:" + m.candidate.key
	}
	return s.entity(m.entity).ID()
}

func (s *state) newGroup(m *mention) group {
	if u := m.candidate; u != nil {
		slug := strings.Join(strings.Fields(strings.Map(slugRune, u.key)), "-")
		return group{e: tagging.Entity{ID: "candidate:" + strings.ToLower(u.typ.String()) + "/" + slug,
			Name: u.name, Type: u.typ, Candidate: true}}
	}
	e := s.entity(m.entity)
	return group{e: tagging.Entity{ID: e.ID(), Name: e.Name(), Type: e.Type, WikidataID: e.Wikidata()}}
}

func slugRune(r rune) rune {
	if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 {
		return r
	}
	return ' '
}

func (s *state) addMention(g *group, m *mention) {
	f := m.f
	start, end, last := f.toks[m.start].Start, f.toks[m.end-1].End, m.end-1
	if m.candidate == nil {
		if end2 := genitiveApostrophe(f, m.end, end); end2 != end {
			end, last = end2, m.end
		}
	}
	alias := f.text[start:end]
	if m.candidate == nil && m.alias >= 0 {
		alias = s.entity(m.entity).Alias(int(m.alias)).Text
	} else if m.candidate == nil {
		alias = shortAlias(s, m)
	}
	men := tagging.Mention{Field: f.id, Start: start, End: end, Text: f.text[start:end], Alias: alias, Rule: m.rule,
		UTF16Start: f.utf16At(f.toks[m.start].Start), UTF16End: f.utf16At(f.toks[last].End)}
	g.e.Mentions = append(g.e.Mentions, men)
	g.e.Confidence = math.Max(g.e.Confidence, m.conf)
	g.n++
	if f.id == tagging.Title {
		g.titleHit = true
	} else if start < f.leadEnd {
		g.leadHit = true
	}
	pos := start
	if f.id == tagging.Body {
		pos += len(s.a.Title) + 1
	}
	if g.n == 1 || pos < g.first {
		g.first = pos
	}
}

// shortAlias names what a short-form or acronym mention matched.
func shortAlias(s *state, m *mention) string {
	return m.f.span(m.start, m.end)
}

// genitiveApostrophe extends a mention over a genitive apostrophe that
// directly follows a name ending in s, z, x or ß: Scholz’, Strauss'.
func genitiveApostrophe(f *field, next, end int) int {
	if next >= len(f.toks) || f.toks[next].Start != end {
		return end
	}
	t := f.toks[next]
	if a := f.text[t.Start:t.End]; a != "’" && a != "'" {
		return end
	}
	r, _ := utf8.DecodeLastRuneInString(f.text[:end])
	switch r {
	case 's', 'z', 'x', 'ß', 'S', 'Z', 'X':
		return t.End
	}
	return end
}

// leadBytes returns the end of the lead: the first sentences of the body,
// at least 200 bytes.
func leadBytes(f *field) int {
	if f.id != tagging.Body {
		return 0
	}
	for i := 1; i < len(f.toks); i++ {
		if f.toks[i].Is(token.SentenceStart) && f.toks[i].Start >= 200 {
			return f.toks[i].Start
		}
	}
	return len(f.text)
}

// salience combines title (0.35) and lead (0.2) presence, frequency (up to
// 0.3, saturating at 8 mentions) and how early the entity appears (0.15).
func salience(g *group, bodyLen int) float64 {
	sal := 0.0
	if g.titleHit {
		sal += 0.35
	}
	if g.leadHit {
		sal += 0.2
	}
	sal += 0.3 * math.Min(1, math.Log2(1+float64(g.n))/math.Log2(9))
	if bodyLen > 0 {
		sal += 0.15 * (1 - math.Min(1, float64(g.first)/float64(bodyLen)))
	}
	return math.Round(math.Min(1, sal)*1000) / 1000
}

func sortMentions(ms []tagging.Mention) {
	slices.SortFunc(ms, func(a, b tagging.Mention) int {
		return cmp.Or(cmp.Compare(a.Field, b.Field), cmp.Compare(a.Start, b.Start))
	})
}

// utf16At returns the UTF-16 offset of byte offset p of the text: p less
// the continuation bytes before it plus one for every four-byte sequence
// (two UTF-16 units). f.u16 holds that correction at every multiple of 8
// bytes, made once per field eight bytes at a time; the rest is counted.
func (f *field) utf16At(p int) int {
	if len(f.u16) == 0 {
		f.u16 = appendU16Corrections(f.u16, f.text)
	}
	k := p / 8
	adj := int(f.u16[k])
	for i := k * 8; i < p; i++ {
		if c := f.text[i]; c&0xC0 == 0x80 {
			adj++
		} else if c >= 0xF0 {
			adj--
		}
	}
	return p - adj
}

// appendU16Corrections appends, for k = 0 … len(s)/8, the number of
// continuation bytes less the number of four-byte leads in s[:8k].
func appendU16Corrections(dst []int32, s string) []int32 {
	const hi = 0x8080808080808080 // the top bit of every byte
	adj := int32(0)
	dst = append(dst, 0)
	for i := 0; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		cont := x & hi &^ (x << 1)                      // 10xxxxxx
		four := x & (x << 1) & (x << 2) & (x << 3) & hi // 1111xxxx
		adj += int32(bits.OnesCount64(cont) - bits.OnesCount64(four))
		dst = append(dst, adj)
	}
	return dst
}
