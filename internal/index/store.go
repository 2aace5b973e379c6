package index

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"

	"github.com/schlagwort/schlagwort/internal/tagging"
)

// source is what the stored-only field holds: the article without title and
// body (stored in their own fields) and its tags.
type source struct {
	Article   tagging.Article
	Tags      tagging.Result
	IndexedAt time.Time
}

// hitSummary is what a search hit needs of the stored article, stored
// apart from source so that a search does not decode whole TagResponses.
type hitSummary struct {
	Section   string    `json:"s,omitempty"`
	Published time.Time `json:"p,omitzero"`
	Entities  []string  `json:"e,omitempty"` // linked entity ids, most salient first
	Topics    []string  `json:"t,omitempty"` // topic qcodes with their top-level ancestors
}

// Put stores articles with their tags, replacing earlier versions with the
// same ids, and returns when the write is on disk.
func (ix *Index) Put(docs ...*Stored) error {
	batch, err := ix.batch(docs)
	if err != nil {
		return err
	}
	if err := ix.b.Batch(batch); err != nil {
		return fmt.Errorf("index: write %d articles: %w", len(docs), err)
	}
	return nil
}

func (ix *Index) batch(docs []*Stored) (*bleve.Batch, error) {
	batch := ix.b.NewBatch()
	for _, s := range docs {
		if s.Article.ID == "" {
			return nil, tagging.Errorf(tagging.EInvalid, "article.id", "an article needs an id to be stored")
		}
		doc, err := ix.document(s)
		if err != nil {
			return nil, fmt.Errorf("index article %q: %w", s.Article.ID, err)
		}
		if err := batch.IndexAdvanced(doc); err != nil {
			return nil, fmt.Errorf("index article %q: %w", s.Article.ID, err)
		}
	}
	return batch, nil
}

// document maps an article to a Bleve document with the index mapping.
func (ix *Index) document(s *Stored) (*document.Document, error) {
	fields, err := documentFields(s)
	if err != nil {
		return nil, err
	}
	doc := document.NewDocument(s.Article.ID)
	if err := ix.b.Mapping().MapDocument(doc, fields); err != nil {
		return nil, err
	}
	plainDocValues(doc)
	return doc, nil
}

// documentFields returns the fields of an article's document by name.
func documentFields(s *Stored) (map[string]any, error) {
	src := source{Article: s.Article, Tags: s.Tags, IndexedAt: s.IndexedAt}
	src.Article.Title, src.Article.Body = "", ""
	raw, err := json.Marshal(&src)
	if err != nil {
		return nil, err
	}
	var ents, types []string
	seenType := map[string]bool{}
	for _, e := range s.Tags.Entities {
		if e.Candidate {
			continue
		}
		ents = append(ents, e.ID)
		if t := e.Type.String(); !seenType[t] {
			seenType[t] = true
			types = append(types, t)
		}
	}
	topics := topicIDs(s.Tags.Topics)
	sum, err := json.Marshal(hitSummary{Section: s.Article.Section, Published: s.Article.PublishedAt, Entities: ents, Topics: topics})
	if err != nil {
		return nil, err
	}
	doc := map[string]any{
		fTitle: s.Article.Title, fBody: s.Article.Body,
		fSection: s.Article.Section, fAuthors: s.Article.Authors,
		fEntities: ents, fEntityTypes: types, fTopics: topics,
		fFacets:  facetTerms(ents[:min(len(ents), mainEntities)], topics, s.Article.Section),
		fVersion: s.Tags.GazetteerVersion, fSource: string(raw), fSummary: string(sum),
		fSortKey: sortKey(s.Article.PublishedAt, s.Article.ID),
	}
	if t := s.Article.PublishedAt; !t.IsZero() {
		doc[fPublished] = t.UTC()
	}
	return doc, nil
}

// topicIDs lists each topic and its top-level ancestor once, so a filter on
// a top-level qcode finds everything under it.
func topicIDs(ts []tagging.Topic) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range ts {
		for _, id := range []string{t.ID, t.TopLevelID} {
			if id != "" && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// Get returns the stored article with the given id.
func (ix *Index) Get(id string) (*Stored, error) {
	req := bleve.NewSearchRequest(bleve.NewDocIDQuery([]string{id}))
	req.Fields = []string{fTitle, fBody, fSource}
	res, err := ix.b.Search(req)
	if err != nil {
		return nil, fmt.Errorf("index: get %q: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, tagging.Errorf(tagging.ENotFound, "id", "no article with id %q", id)
	}
	f := res.Hits[0].Fields
	raw, _ := f[fSource].(string)
	var src source
	if err := json.Unmarshal([]byte(raw), &src); err != nil {
		return nil, fmt.Errorf("index: article %q: stored source: %w", id, err)
	}
	src.Article.Title, _ = f[fTitle].(string)
	src.Article.Body, _ = f[fBody].(string)
	return &Stored{Article: src.Article, Tags: src.Tags, IndexedAt: src.IndexedAt}, nil
}

// Delete removes the article with the given id.
func (ix *Index) Delete(id string) error {
	if _, err := ix.Get(id); err != nil {
		return err
	}
	batch := ix.b.NewBatch()
	batch.Delete(id)
	if err := ix.b.Batch(batch); err != nil {
		return fmt.Errorf("index: delete %q: %w", id, err)
	}
	return nil
}
