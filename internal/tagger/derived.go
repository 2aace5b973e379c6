package tagger

import (
	"github.com/schlagwort/schlagwort/internal/match"
	"github.com/schlagwort/schlagwort/internal/token"
)

// matchDerived links place adjectives to their city: "Essener
// Einzelhändler" → Essen, "Kölner Dom" → Köln. Only cities take part,
// only the regular -er form, and only where no alias matched.
func (s *state) matchDerived() {
	for fi := range s.fields {
		f := &s.fields[fi]
		for i, t := range f.toks {
			if f.taken[i] || t.Kind != token.Word || !t.Is(token.Upper) || t.Is(token.AllUpper) || t.Is(token.JoinedNext) {
				continue
			}
			if e, a, ok := s.derivedCity(f.key(i)); ok {
				s.take(f, i, i+1)
				s.ments = append(s.ments, mention{f: f, start: i, end: i + 1, entity: e, alias: a,
					rule: "derived", conf: 0.7})
			}
		}
	}
}

// derivedCity returns the city whose regular place adjective k is
// (essener → Essen).
func (s *state) derivedCity(k []byte) (int32, int32, bool) {
	if len(k) < 6 || k[len(k)-2] != 'e' || k[len(k)-1] != 'r' {
		return -1, -1, false
	}
	return s.city(s.t.ix.Single(k[:len(k)-2]))
}

// placeAdjective reports the regular place adjective of a city.
func (s *state) placeAdjective(k []byte) bool {
	_, _, ok := s.derivedCity(k)
	return ok
}

// city returns the one exact city target among ts.
func (s *state) city(ts []match.Target) (int32, int32, bool) {
	found, e, a := 0, int32(-1), int32(-1)
	for _, t := range ts {
		if t.Form() == match.Exact && s.entity(t.Entity).Kind() == "city" {
			found, e, a = found+1, t.Entity, int32(t.Alias)
		}
	}
	return e, a, found == 1
}
