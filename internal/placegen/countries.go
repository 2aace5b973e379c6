package placegen

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"sort"
	"strings"
)

// cldr is the part of CLDR's de.xml the generator reads.
type cldr struct {
	Territories []struct {
		Type string `xml:"type,attr"`
		Alt  string `xml:"alt,attr"`
		Name string `xml:",chardata"`
	} `xml:"localeDisplayNames>territories>territory"`
	Zones []struct {
		Type string `xml:"type,attr"`
		City string `xml:"exemplarCity"`
	} `xml:"dates>timeZoneNames>zone"`
}

func readCLDR(path string) (*cldr, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c cldr
	if err := xml.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &c, nil
}

// readI18n reads i18n-iso-countries' de.json: code -> names (a string or
// a list, the official name first).
func readI18n(path string) (map[string][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string][]string{}
	for code, raw := range doc.Countries {
		var one string
		if json.Unmarshal(raw, &one) == nil {
			out[code] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(raw, &many); err != nil {
			return nil, fmt.Errorf("%s: country %s: %w", path, code, err)
		}
		out[code] = many
	}
	return out, nil
}

// countries generates one record per ISO code: the CLDR name, its short
// and variant forms and the i18n-iso-countries names as aliases.
func (b *builder) countries(src Sources) error {
	c, err := readCLDR(src.CLDR)
	if err != nil {
		return err
	}
	i18n, err := readI18n(src.Countries)
	if err != nil {
		return err
	}
	names := map[string][]string{} // code -> names, the CLDR standard name first
	for _, t := range c.Territories {
		if !isCountryCode(t.Type) || strings.TrimSpace(t.Name) == "" {
			continue
		}
		if t.Alt == "" {
			names[t.Type] = append([]string{t.Name}, names[t.Type]...)
		} else {
			names[t.Type] = append(names[t.Type], t.Name)
		}
	}
	for code, ns := range i18n {
		if isCountryCode(code) {
			names[code] = append(names[code], ns...)
		}
	}
	codes := make([]string, 0, len(names))
	for code := range names {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		ns := names[code]
		e := entity(slug(ns[0]), ns[0], "country", "cldr;i18n-iso-countries", ns[1:]...)
		e.ISO, e.Prior = [2]byte{code[0], code[1]}, 0.8
		e = b.place("places-countries.tsv", "iso:"+code, e)
		b.countryID[code] = e.ID()
	}
	return nil
}

// isCountryCode accepts two capital letters, not the CLDR pseudo-regions
// (EU, EZ, UN, QO, ZZ, XA, XB) nor the exceptionally reserved codes for
// parts of countries (Kanarische Inseln IC, Ceuta und Melilla EA, AC, CP,
// DG, TA).
func isCountryCode(s string) bool {
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return false
	}
	switch s {
	case "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "IC", "EA", "AC", "CP", "DG", "TA":
		return false
	}
	return true
}
