package gazetteer

import (
	"sort"

	"github.com/schlagwort/schlagwort/internal/fold"
)

// Shared is an alias that several entities carry; the tagger resolves it
// per article from context.
type Shared struct {
	Alias string   // as written in the first record that has it
	IDs   []string // the entities, sorted
}

// SharedAliases lists every alias (compared folded) held by more than one
// entity, sorted by alias.
func (g *Gazetteer) SharedAliases() []Shared {
	type group struct {
		alias string
		ids   map[string]bool
	}
	groups := make(map[string]*group)
	for _, e := range g.Entities {
		for _, a := range e.Aliases() {
			k := fold.Key(a.Text)
			gr := groups[k]
			if gr == nil {
				gr = &group{alias: a.Text, ids: make(map[string]bool)}
				groups[k] = gr
			}
			gr.ids[e.ID()] = true
		}
	}
	var out []Shared
	for _, gr := range groups {
		if len(gr.ids) < 2 {
			continue
		}
		s := Shared{Alias: gr.alias}
		for id := range gr.ids {
			s.IDs = append(s.IDs, id)
		}
		sort.Strings(s.IDs)
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Alias < out[j].Alias })
	return out
}
