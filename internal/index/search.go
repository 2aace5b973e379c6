package index

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/schlagwort/schlagwort/internal/tagging"
)

// Query is an editor's search; every set filter must hold.
type Query struct {
	Text        string   // German words, each of which must occur in the title or the body
	AllEntities []string // entity ids every hit mentions
	AnyEntities []string // entity ids of which every hit mentions one
	EntityType  tagging.Type
	Topic       string // qcode; top-level qcodes include everything under them
	Section     string
	Author      string
	From, To    time.Time // published in [From, To); zero = open
	ByDate      bool      // newest first instead of by relevance
	Size        int       // hits per page
	After       []string  // sort key of the last hit of the previous page
}

// Result is one page of hits.
type Result struct {
	Hits   []Hit
	Total  uint64
	Next   []string           // sort key of the last hit, nil on the last page
	Facets map[string][]Count // facetEntities, facetTopics, facetSections
}

// Hit is one matching article.
type Hit struct {
	ID, Title, Section string
	Published          time.Time
	Score              float64
	Snippets           []string
	Entities, Topics   []string
}

// Count is a facet value with its number of matching articles.
type Count struct {
	Value string
	Count int
}

// facetSize is how many values each facet reports.
const facetSize = 10

// Search runs q; it stops early when ctx is done.
func (ix *Index) Search(ctx context.Context, q *Query) (*Result, error) {
	bq := q.bleveQuery(ix.words(q.Text))
	facets := newFacetCounter()
	res, err := ix.b.SearchInContext(facets.counting(ctx), q.request(bq))
	if err != nil {
		return nil, fmt.Errorf("index: search: %w", err)
	}
	if q.Text != "" {
		if err := ix.highlight(ctx, bq, res.Hits[:min(len(res.Hits), q.Size)]); err != nil {
			return nil, err
		}
	}
	out, err := result(res, q.Size)
	if err != nil {
		return nil, err
	}
	out.Facets = facets.top()
	return out, nil
}

// request is the Bleve search for a page of matches of bq, sorted as q
// asks, with what a Hit shows but the fragments.
func (q *Query) request(bq query.Query) *bleve.SearchRequest {
	req := bleve.NewSearchRequestOptions(bq, q.Size+1, 0, false) // one more: is there a next page?
	req.Fields = []string{fTitle, fSummary}
	byKey := &search.SortField{Field: fSortKey, Desc: true, Type: search.SortFieldAsString}
	if q.ByDate {
		req.SortByCustom(search.SortOrder{byKey})
		req.Score = "none" // no relevance to compute: hits report score 0
	} else {
		req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}, byKey})
	}
	if len(q.After) > 0 {
		req.SetSearchAfter(q.After)
	}
	return req
}

// highlight sets the fragments of hits, found by bq, in a second search
// for just these hits. Asked of the first search, highlighting makes it
// read the term positions of every match, not just of the page's, and
// keeps Bleve from matching a search by date with bitmaps alone. The
// second search sees the index as it is then: an article replaced
// meanwhile shows fragments of its new text, one deleted none.
func (ix *Index) highlight(ctx context.Context, bq query.Query, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), bq), len(ids), 0, false)
	req.Score = "none"
	req.Highlight = bleve.NewHighlightWithStyle("html")
	req.Highlight.Fields = []string{fTitle, fBody}
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return fmt.Errorf("index: highlight: %w", err)
	}
	fragments := make(map[string]search.FieldFragmentMap, len(res.Hits))
	for _, h := range res.Hits {
		fragments[h.ID] = h.Fragments
	}
	for _, h := range hits {
		h.Fragments = fragments[h.ID]
	}
	return nil
}

// words analyses text as title and body are analysed (the de analyzer:
// lower case, umlauts folded, stop words dropped, stems) and returns each
// term once.
func (ix *Index) words(text string) []string {
	if text == "" {
		return nil
	}
	a := ix.b.Mapping().AnalyzerNamed(de.AnalyzerName)
	var out []string
	for _, tok := range a.Analyze([]byte(text)) {
		if t := string(tok.Term); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// bleveQuery builds the query: every filter must hold, and every word must
// occur in the title (which weighs twice) or in the body.
func (q *Query) bleveQuery(words []string) query.Query {
	var must []query.Query
	for _, w := range words {
		must = append(must, bleve.NewDisjunctionQuery(weighted(term(fTitle, w), 2), term(fBody, w)))
	}
	if q.Text != "" && len(words) == 0 { // only stop words: nothing can match
		return bleve.NewMatchNoneQuery()
	}
	for _, id := range q.AllEntities {
		must = append(must, term(fEntities, id))
	}
	if len(q.AnyEntities) > 0 {
		var any []query.Query
		for _, id := range q.AnyEntities {
			any = append(any, term(fEntities, id))
		}
		must = append(must, bleve.NewDisjunctionQuery(any...))
	}
	if q.EntityType != tagging.Unknown {
		must = append(must, term(fEntityTypes, q.EntityType.String()))
	}
	for field, v := range map[string]string{fTopics: q.Topic, fSection: q.Section, fAuthors: q.Author} {
		if v != "" {
			must = append(must, term(field, v))
		}
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		r := bleve.NewDateRangeQuery(q.From, q.To)
		r.SetField(fPublished)
		must = append(must, r)
	}
	if len(must) == 0 {
		return bleve.NewMatchAllQuery()
	}
	return bleve.NewConjunctionQuery(must...)
}

// term matches v in field exactly.
func term(field, v string) *query.TermQuery {
	t := bleve.NewTermQuery(v)
	t.SetField(field)
	return t
}

// weighted gives a term query a boost.
func weighted(t *query.TermQuery, boost float64) query.Query {
	t.SetBoost(boost)
	return t
}

func result(res *bleve.SearchResult, size int) (*Result, error) {
	out := &Result{Total: res.Total}
	hits := res.Hits
	if len(hits) > size {
		hits = hits[:size]
		out.Next = afterKey(hits[size-1])
	}
	for _, h := range hits {
		var sum hitSummary
		raw, _ := h.Fields[fSummary].(string)
		if err := json.Unmarshal([]byte(raw), &sum); err != nil {
			return nil, fmt.Errorf("index: article %q: stored summary: %w", h.ID, err)
		}
		hit := Hit{ID: h.ID, Section: sum.Section, Published: sum.Published, Score: h.Score, Entities: sum.Entities, Topics: sum.Topics}
		hit.Title, _ = h.Fields[fTitle].(string)
		for _, f := range []string{fTitle, fBody} {
			hit.Snippets = append(hit.Snippets, h.Fragments[f]...)
		}
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// afterKey is the search_after key of a hit. Bleve reports the score's
// position as the placeholder "_score" but needs the score itself there.
func afterKey(h *search.DocumentMatch) []string {
	key := slices.Clone(h.Sort)
	for i, v := range key {
		if v == "_score" {
			key[i] = strconv.FormatFloat(h.Score, 'g', -1, 64)
		}
	}
	return key
}
