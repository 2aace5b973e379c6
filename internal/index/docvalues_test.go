package index

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/schlagwort/schlagwort/internal/tagging"
)

// TestDocValuesSurviveMerges: the sort keys and facet values, kept per
// document and uncompressed (plainDocValues), sort and count right in
// small segments and after Bleve merged them into one.
func TestDocValuesSurviveMerges(t *testing.T) {
	ix, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	const n, perBatch = 1500, 50
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var arts []*Stored
	for i := range n {
		s := &Stored{Article: tagging.Article{
			ID:          fmt.Sprintf("a%04d", i),
			Section:     []string{"Politik", "Sport", "Kultur"}[i%3],
			PublishedAt: base.Add(time.Duration(i*7919%n) * time.Minute).Add(time.Duration(i%2) * time.Nanosecond),
		}}
		s.Tags.Entities = []tagging.Entity{{ID: fmt.Sprintf("per/p%d", i%5), Type: tagging.Person}, {ID: fmt.Sprintf("org/o%d", i%4), Type: tagging.Organization}}
		s.Tags.Topics = []tagging.Topic{{ID: fmt.Sprintf("medtop:%d", 20000000+i%5), TopLevelID: "medtop:15000000"}}
		arts = append(arts, s)
	}
	for i := 0; i < n; i += perBatch {
		if err := ix.Put(arts[i : i+perBatch]...); err != nil {
			t.Fatal(err)
		}
	}
	checkDocValues(t, ix, arts, "before the forced merge")
	adv, err := ix.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	if err := adv.(*scorch.Scorch).ForceMerge(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	checkDocValues(t, ix, arts, "after the forced merge")
}

// checkDocValues pages through all articles by date and checks the order
// and, on some pages, the section and entity facets.
func checkDocValues(t *testing.T, ix *Index, arts []*Stored, when string) {
	t.Helper()
	want := slices.Clone(arts)
	slices.SortFunc(want, func(a, b *Stored) int {
		if c := b.Article.PublishedAt.Compare(a.Article.PublishedAt); c != 0 {
			return c
		}
		return strings.Compare(b.Article.ID, a.Article.ID)
	})
	wantSections, wantEntities := map[string]int{}, map[string]int{}
	for _, s := range arts {
		wantSections[s.Article.Section]++
		for _, e := range s.Tags.Entities {
			wantEntities[e.ID]++
		}
	}
	var got []string
	q := &Query{ByDate: true, Size: 100}
	for page := 0; ; page++ {
		res, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if page%5 == 0 { // every page counts all matches
			checkCounts(t, fmt.Sprintf("%s, page %d: sections", when, page), res.Facets[facetSections], wantSections)
			checkCounts(t, fmt.Sprintf("%s, page %d: entities", when, page), res.Facets[facetEntities], wantEntities)
		}
		if q.After = res.Next; q.After == nil {
			break
		}
	}
	for i, s := range want {
		if i >= len(got) || got[i] != s.Article.ID {
			t.Fatalf("%s: hit %d of %d is %v, want %s", when, i, len(got), got[i:min(i+1, len(got))], s.Article.ID)
		}
	}
}

func checkCounts(t *testing.T, what string, got []Count, want map[string]int) {
	t.Helper()
	m := map[string]int{}
	for _, c := range got {
		m[c.Value] = c.Count
	}
	if len(want) > facetSize || !maps.Equal(m, want) {
		t.Errorf("%s = %v, want %v", what, m, want)
	}
}

// TestSortKey: sort keys compare as (publication time, id) do, to the
// nanosecond, with undated articles first, as the old fixed-width layout
// "20060102T150405.000000000Z|id" did for years 1000 to 9999.
func TestSortKey(t *testing.T) {
	const oldLayout = "20060102T150405.000000000Z"
	base := time.Date(2026, 2, 17, 7, 35, 0, 0, time.UTC)
	type article struct {
		published time.Time
		id        string
	}
	arts := []article{
		{time.Time{}, "undated-b"}, {time.Time{}, "undated-a"},
		{base, "b"}, {base, "a"}, {base, "a-1"},
		{base.Add(time.Nanosecond), "a"}, {base.Add(999999999), "a"}, {base.Add(time.Second), "a"},
		{base.Add(-time.Nanosecond), "z"}, {base.In(time.FixedZone("CET", 3600)).Add(time.Hour), "a"},
		{time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC), "x"}, {time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), "x"},
		{time.Date(1970, 1, 1, 0, 0, 0, 1, time.UTC), "x"}, {time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC), "x"},
	}
	for i := range 200 {
		arts = append(arts, article{base.Add(time.Duration(i*i*7919) * time.Millisecond / 3), fmt.Sprint(i % 7)})
	}
	oldKey := func(a article) string {
		if a.published.IsZero() {
			return "0|" + a.id
		}
		return a.published.UTC().Format(oldLayout) + "|" + a.id
	}
	for _, a := range arts {
		for _, b := range arts {
			got := strings.Compare(sortKey(a.published, a.id), sortKey(b.published, b.id))
			if want := strings.Compare(oldKey(a), oldKey(b)); got != want {
				t.Errorf("compare %q with %q = %d, old keys %q and %q: %d",
					sortKey(a.published, a.id), sortKey(b.published, b.id), got, oldKey(a), oldKey(b), want)
			}
		}
	}
	if k := sortKey(base, "20-nato-gipfel-ankara-13627"); len(k) != 7+1+27 {
		t.Errorf("sortKey = %q, want 7 characters for the time", k)
	}
}
