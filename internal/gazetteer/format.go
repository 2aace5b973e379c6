package gazetteer

import (
	"strconv"
	"strings"
)

// Format renders e as one record line (without newline) in the file
// format Parse reads; fields that are empty are left out.
func Format(e *Entity) string {
	var b strings.Builder
	b.WriteString(e.ID() + "\t" + e.Type.String() + "\t" + e.Name())
	var aliases []string
	for i, a := range e.Aliases() {
		text := a.Text
		if a.Common {
			text += "?"
		}
		if i > 0 || a.Common { // the name itself is written as an alias only to mark it "?"
			aliases = append(aliases, text)
		}
	}
	field(&b, "aliases", strings.Join(aliases, "|"))
	field(&b, "short", e.Short())
	field(&b, "kind", e.Kind())
	field(&b, "wd", e.Wikidata())
	field(&b, "iso", e.ISOCode())
	field(&b, "gn", e.GeoNamesID())
	field(&b, "parent", e.Parent())
	field(&b, "topics", strings.Join(e.Topics(), ","))
	if e.Prior != 0.5 {
		field(&b, "prior", strconv.FormatFloat(float64(e.Prior), 'g', 3, 32))
	}
	field(&b, "src", e.Source())
	return b.String()
}

func field(b *strings.Builder, key, val string) {
	if val != "" {
		b.WriteString("\t" + key + "=" + val)
	}
}
