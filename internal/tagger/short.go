package tagger

import (
	"slices"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/match"
	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/token"
)

// shortIndex holds, for every person, the token ids of the form that
// refers to them after their full name: the last word of the name
// (Scholz), or the short= field (Kim, von der Leyen). Entity i's ids are
// ids[at[i]:at[i+1]], empty for no short form.
type shortIndex struct {
	at  []uint32
	ids []uint32
}

// shortForms finds the short forms of g's people, on two cores: at a
// million entities it takes a tenth of a second on one.
func shortForms(g *gazetteer.Gazetteer, ix *match.Index) shortIndex {
	n := len(g.Entities)
	at := make([]uint32, n+1)
	mid := n / 2
	var second []uint32
	done := make(chan bool)
	go func() { second = shortIDs(g.Entities[mid:], ix, at[mid:n]); done <- true }()
	ids := shortIDs(g.Entities[:mid], ix, at[:mid])
	<-done
	for i := mid; i < n; i++ {
		at[i] += uint32(len(ids))
	}
	ids = append(ids, second...)
	at[n] = uint32(len(ids))
	return shortIndex{at: at, ids: ids}
}

// shortIDs returns the short form ids of ents one after the other, and
// sets at[i] to where those of ents[i] start.
func shortIDs(ents []*gazetteer.Entity, ix *match.Index, at []uint32) []uint32 {
	ids := make([]uint32, 0, len(ents)/2)
	var toks, scratch []token.Token
	for i, e := range ents {
		at[i] = uint32(len(ids))
		text := e.Short()
		if e.Type != tagging.Person || text == "-" {
			continue
		}
		if text == "" {
			toks = token.Tokenize(toks, e.Name())
			if len(toks) < 2 || toks[len(toks)-1].Kind != token.Word {
				continue
			}
			text = toks[len(toks)-1].Text(e.Name())
		}
		ids, scratch = ix.AppendIDs(ids, scratch, text)
	}
	return ids
}

// of returns the short form ids of entity e, or nil.
func (s shortIndex) of(e int32) []uint32 {
	if ids := s.ids[s.at[e]:s.at[e+1]]; len(ids) > 0 {
		return ids
	}
	return nil
}

// shortEntry is a short form active in the current article.
type shortEntry struct {
	ids    []uint32
	entity int32
	shared bool // several people in the article share it: do not tag
}

// matchShortForms tags short forms of the people the article names in full:
// "Scholz" after "Olaf Scholz", "Kim" after "Kim Jong-un". A short form
// two people in the article share is left alone.
func (s *state) matchShortForms() {
	active := s.activeShortForms()
	if len(active) == 0 {
		return
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		for i := 0; i < len(f.units); i++ {
			if f.units[i].N == 0 || f.taken[i] || sentenceInitial(f, i) && s.opensClause(f, i) {
				continue
			}
			if e := matchShort(f, i, active); e != nil {
				end := i + len(e.ids)
				s.take(f, i, end)
				s.ments = append(s.ments, mention{f: f, start: i, end: end, entity: e.entity, alias: -1,
					rule: "short-form", conf: ruleConfidence["short-form"]})
				i = end - 1
			}
		}
	}
}

// activeShortForms returns the short forms of the people the article
// links, in the order of their first mention. A few dozen at most: a
// slice (pooled in s) searched linearly rather than a map.
func (s *state) activeShortForms() []shortEntry {
	active, seen := s.active[:0], s.seen[:0]
	for _, m := range s.ments {
		if m.entity < 0 || slices.Contains(seen, m.entity) {
			continue
		}
		seen = append(seen, m.entity)
		ids := s.t.short.of(m.entity)
		if ids == nil {
			continue
		}
		shared := false
		for k := range active {
			if o := &active[k]; equalIDs(o.ids, ids) {
				o.shared, shared = true, true
			}
		}
		active = append(active, shortEntry{ids: ids, entity: m.entity, shared: shared})
	}
	s.active, s.seen = active, seen
	return active
}

// matchShort returns the unshared short form starting at token i, if any:
// of the readings of the token in order, the first short form that starts
// with it and follows.
func matchShort(f *field, i int, active []shortEntry) *shortEntry {
	u := &f.units[i]
	for a := 0; a < int(u.N); a++ {
		id := u.Alts[a].ID
		for k := range active {
			if e := &active[k]; e.ids[0] == id && !e.shared && followsIDs(f, i, e.ids) {
				return e
			}
		}
	}
	return nil
}

// followsIDs reports whether tokens i.. read as ids, all untaken, the last
// one capitalised ("von der Leyen", "Scholz").
func followsIDs(f *field, i int, ids []uint32) bool {
	if i+len(ids) > len(f.units) || !f.toks[i+len(ids)-1].Is(token.Upper) {
		return false
	}
	for k, id := range ids {
		if f.taken[i+k] || !hasAlt(&f.units[i+k], id) {
			return false
		}
	}
	return true
}

func hasAlt(u *match.Unit, id uint32) bool {
	for a := 0; a < int(u.N); a++ {
		if u.Alts[a].ID == id {
			return true
		}
	}
	return false
}

func equalIDs(a, b []uint32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// opensClause reports a sentence-initial word followed by a determiner or
// pronoun: "Lies die Zeitung", "Weil er kommt" — a verb or conjunction,
// not a person's surname as subject ("Lies sagte").
func (s *state) opensClause(f *field, i int) bool {
	return clauseOpener(f, i) || i+1 < len(f.toks) && functionWords[string(f.key(i+1))]
}
