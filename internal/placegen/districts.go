package placegen

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/schlagwort/schlagwort/internal/fold"
)

// district is one record of landkreise-deutschland's districts.json.
type district struct {
	AGS        ags    `json:"AGS"`
	Type       string `json:"type"`
	Name       string `json:"name"`
	Population int    `json:"population"`
}

// ags is an Amtlicher Gemeindeschlüssel of a district: five digits. The
// package writes most as strings ("01001") but some as numbers (10041).
type ags string

func (a *ags) UnmarshalJSON(data []byte) error {
	var s string
	if json.Unmarshal(data, &s) == nil {
		*a = ags(s)
		return nil
	}
	var n int
	if err := json.Unmarshal(data, &n); err != nil {
		return fmt.Errorf("AGS %s is neither a string nor a number", data)
	}
	*a = ags(fmt.Sprintf("%05d", n))
	return nil
}

// districts generates the Landkreise; a kreisfreie Stadt is merged into its
// city record (or becomes one), with its Land as parent.
func (b *builder) districts(src Sources) error {
	data, err := os.ReadFile(src.Districts)
	if err != nil {
		return err
	}
	var ds []district
	if err := json.Unmarshal(data, &ds); err != nil {
		return fmt.Errorf("%s: %w", src.Districts, err)
	}
	for _, d := range ds {
		if len(d.AGS) != 5 {
			return fmt.Errorf("%s: district %q: AGS %q is not five digits", src.Districts, d.Name, d.AGS)
		}
		land := b.agsLand[string(d.AGS[:2])]
		switch d.Type {
		case "Kreisfreie Stadt", "Stadtkreis":
			b.districtCity(d, land)
		default:
			b.district(d, land)
		}
	}
	return nil
}

// cityName drops the designations of a kreisfreie Stadt: "Kiel,
// Landeshauptstadt" → Kiel.
func cityName(name string) string {
	if i := strings.IndexByte(name, ','); i > 0 {
		return strings.TrimSpace(name[:i])
	}
	return name
}

// districtCity makes sure the city of a kreisfreie Stadt exists: GeoNames
// usually has it already (same name, in the Land or the city-state
// itself), or a curated record without a GeoNames id does.
func (b *builder) districtCity(d district, land string) {
	name := cityName(d.Name)
	for _, e := range b.out["places-cities.tsv"] {
		if (e.Parent() == land || e.ID() == land) && fold.Key(e.Name()) == fold.Key(name) {
			return
		}
	}
	for _, c := range b.curated {
		if !b.used[c] && c.Kind() == "city" && c.Parent() == land && fold.Key(c.Name()) == fold.Key(name) {
			b.used[c] = true
			b.out["places-cities.tsv"] = append(b.out["places-cities.tsv"], c)
			return
		}
	}
	e := entity(slug(name), name, "city", "landkreise-deutschland")
	e.SetParent(land)
	e.Prior = populationPrior(d.Population)
	b.place("places-cities.tsv", "ags:"+string(d.AGS), e)
}

// district makes a Landkreis record: "Landkreis Rostock", also "Kreis
// Rostock"; the bare name stays with the town.
func (b *builder) district(d district, land string) {
	name := d.Name
	var aliases []string
	if !strings.Contains(strings.ToLower(name), strings.ToLower(d.Type)) {
		name = d.Type + " " + d.Name
		if d.Type == "Landkreis" || d.Type == "Kreis" {
			aliases = []string{"Landkreis " + d.Name, "Kreis " + d.Name}
		}
	}
	e := entity(slug(name), name, "district", "landkreise-deutschland", aliases...)
	e.SetParent(land)
	e.Prior = populationPrior(d.Population)
	b.place("places-districts.tsv", "ags:"+string(d.AGS), e)
}
