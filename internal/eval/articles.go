package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// GoldEntity is one entity an editor expects in an article: its type, its
// canonical name and every surface form under which it occurs.
type GoldEntity struct {
	Type     string // PER, LOC, ORG
	Name     string
	Surfaces []string
}

// ReadGold reads an article's gold file: TYPE<TAB>canonical name<TAB>
// surface|surface|…, one entity per line, # comments.
func ReadGold(r io.Reader, name string) ([]GoldEntity, error) {
	var out []GoldEntity
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 3 || !isScored(f[0]) || f[1] == "" || f[2] == "" {
			return nil, fmt.Errorf("%s:%d: want TYPE<TAB>name<TAB>surface|surface with TYPE PER, LOC or ORG", name, line)
		}
		out = append(out, GoldEntity{Type: f[0], Name: f[1], Surfaces: strings.Split(f[2], "|")})
	}
	return out, sc.Err()
}

// Predicted is one entity the tagger returned for an article.
type Predicted struct {
	Type      string
	Candidate bool     // not linked to the gazetteer
	Texts     []string // the texts of its mentions
}

// ArticleReport counts linked and candidate results against gold entities.
type ArticleReport struct {
	Linked     map[string]Counts // per type: TP = linked entities that match a gold entity of the type
	Candidates int               // gold entities not linked but returned as candidates of the right type
	Gold       int
	Articles   int
}

// ScoreArticle adds one article to r. A prediction matches a gold entity
// of the same type when one of its mention texts is one of the gold
// surfaces. Precision is over linked predictions; recall over gold
// entities; a gold entity found only as a candidate counts as missed for
// the linked figures and is counted in Candidates.
func (r *ArticleReport) ScoreArticle(gold []GoldEntity, preds []Predicted) {
	if r.Linked == nil {
		r.Linked = map[string]Counts{}
	}
	r.Articles++
	r.Gold += len(gold)
	found := make([]bool, len(gold))
	candidate := make([]bool, len(gold))
	for _, p := range preds {
		hit := false
		for i, g := range gold {
			if g.Type == p.Type && overlaps(g.Surfaces, p.Texts) {
				hit = true
				found[i] = found[i] || !p.Candidate
				candidate[i] = candidate[i] || p.Candidate
			}
		}
		if !p.Candidate && isScored(p.Type) {
			c := r.Linked[p.Type]
			if hit {
				c.TP++
			} else {
				c.FP++
			}
			r.Linked[p.Type] = c
		}
	}
	for i, g := range gold {
		switch {
		case !found[i]:
			c := r.Linked[g.Type]
			c.FN++
			r.Linked[g.Type] = c
			if candidate[i] {
				r.Candidates++
			}
		}
	}
}

func overlaps(surfaces, texts []string) bool {
	for _, s := range surfaces {
		for _, t := range texts {
			if s == t {
				return true
			}
		}
	}
	return false
}

// WriteTo prints per-type linked precision, recall and F1, and the
// candidate share of the rest.
func (r ArticleReport) WriteTo(w io.Writer) (int64, error) {
	rep := Report{Types: r.Linked}
	n, err := rep.WriteTo(w)
	if err != nil {
		return n, err
	}
	m, err := fmt.Fprintf(w, "%d articles, %d gold entities; %d of those not linked came back as candidates of the right type\n", r.Articles, r.Gold, r.Candidates)
	return n + int64(m), err
}
