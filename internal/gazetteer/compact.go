package gazetteer

import "strings"

// compact copies the strings of ents, which point into the text of the
// file they were read from, into one block of their own, so that the text
// need not stay alive for them: a third of it and more is tabs, keys,
// types and values repeated on every line. Values of the fields that
// repeat (src=, kind=, topics=) are stored once per part.
func compact(ents []*Entity) {
	c := compactor{shared: make(map[string]string)}
	for _, e := range ents {
		c.size += len(e.ID) + len(e.Name) + len(e.Short) + len(e.Wikidata) + len(e.Parent)
		for _, a := range e.Aliases[1:] {
			c.size += len(a.Text)
		}
	}
	c.b.Grow(c.size) // grown once, the block never moves and the copies share it
	for _, e := range ents {
		c.entity(e)
	}
}

type compactor struct {
	b      strings.Builder
	size   int
	shared map[string]string // repeated values, copied once
}

func (c *compactor) entity(e *Entity) {
	name := e.Name
	e.ID, e.Name, e.Short = c.copy(e.ID), c.copy(e.Name), c.copy(e.Short)
	e.Wikidata, e.Parent = c.copy(e.Wikidata), c.copy(e.Parent)
	e.Source, e.Kind = c.share(e.Source), c.share(e.Kind)
	for i := range e.Aliases {
		if i == 0 && e.Aliases[0].Text == name {
			e.Aliases[0].Text = e.Name
			continue
		}
		e.Aliases[i].Text = c.copy(e.Aliases[i].Text)
	}
	for i, t := range e.Topics {
		e.Topics[i] = c.share(t)
	}
}

// copy returns s as a string in the block.
func (c *compactor) copy(s string) string {
	if s == "" {
		return ""
	}
	start := c.b.Len()
	c.b.WriteString(s)
	return c.b.String()[start:]
}

// share returns the one copy of s.
func (c *compactor) share(s string) string {
	if s == "" {
		return ""
	}
	v, ok := c.shared[s]
	if !ok {
		v = strings.Clone(s)
		c.shared[s] = v
	}
	return v
}
