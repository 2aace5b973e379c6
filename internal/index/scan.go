package index

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Scan returns up to n stored articles in id order after the id after
// ("" = from the start); with notVersion set, only those tagged by another
// gazetteer version. It also returns how many articles match in all.
func (ix *Index) Scan(ctx context.Context, notVersion, after string, n int) ([]*Stored, uint64, error) {
	var q query.Query = bleve.NewMatchAllQuery()
	if notVersion != "" {
		b := bleve.NewBooleanQuery()
		b.AddMust(bleve.NewMatchAllQuery())
		b.AddMustNot(term(fVersion, notVersion))
		q = b
	}
	req := bleve.NewSearchRequestOptions(q, n, 0, false)
	req.Fields = []string{fTitle, fBody, fSource}
	req.SortBy([]string{"_id"})
	if after != "" {
		req.SetSearchAfter([]string{after})
	}
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, 0, fmt.Errorf("index: scan: %w", err)
	}
	out := make([]*Stored, 0, len(res.Hits))
	for _, h := range res.Hits {
		var src source
		raw, _ := h.Fields[fSource].(string)
		if err := json.Unmarshal([]byte(raw), &src); err != nil {
			return nil, 0, fmt.Errorf("index: article %q: stored source: %w", h.ID, err)
		}
		src.Article.Title, _ = h.Fields[fTitle].(string)
		src.Article.Body, _ = h.Fields[fBody].(string)
		out = append(out, &Stored{Article: src.Article, Tags: src.Tags, IndexedAt: src.IndexedAt})
	}
	return out, res.Total, nil
}

// PutWithMark stores docs like Put and, in the same atomic write, sets the
// mark key to value (e.g. how far a re-tag has come).
func (ix *Index) PutWithMark(key, value string, docs ...*Stored) error {
	batch, err := ix.batch(docs)
	if err != nil {
		return err
	}
	batch.SetInternal([]byte("mark:"+key), []byte(value))
	if err := ix.b.Batch(batch); err != nil {
		return fmt.Errorf("index: write %d articles: %w", len(docs), err)
	}
	return nil
}

// Mark returns the value of a mark set by PutWithMark, "" if none.
func (ix *Index) Mark(key string) (string, error) {
	v, err := ix.b.GetInternal([]byte("mark:" + key))
	if err != nil {
		return "", fmt.Errorf("index: read mark %q: %w", key, err)
	}
	return string(v), nil
}

// ClearMark removes a mark.
func (ix *Index) ClearMark(key string) error {
	batch := ix.b.NewBatch()
	batch.DeleteInternal([]byte("mark:" + key))
	if err := ix.b.Batch(batch); err != nil {
		return fmt.Errorf("index: clear mark %q: %w", key, err)
	}
	return nil
}
