// Package index stores tagged articles in a Bleve index on disk and searches
// them by words, entities, topics, section, author and date. It is the only
// package that imports Bleve.
package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/schlagwort/schlagwort/internal/tagging"
)

// Index is an open article index. It is safe for concurrent use.
type Index struct {
	b bleve.Index
}

// Open opens the index in dir, creating it with the project's mapping on
// first use.
func Open(dir string) (*Index, error) {
	path := filepath.Join(dir, "articles.bleve")
	b, err := bleve.Open(path)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		b, err = bleve.New(path, newMapping())
	}
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	return &Index{b: b}, nil
}

// Close flushes and closes the index.
func (ix *Index) Close() error { return ix.b.Close() }

// Count returns the number of stored articles.
func (ix *Index) Count() (uint64, error) { return ix.b.DocCount() }

// newMapping is the index mapping: German text for title and body (stored
// and with term vectors, because highlighting reads both), keyword fields
// with doc values for filters, facets and sorting, and the rest of the
// stored article in one stored-only field.
func newMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = de.AnalyzerName
	text.IncludeInAll = false

	keyword := bleve.NewKeywordFieldMapping()
	keyword.Store = false
	keyword.IncludeInAll = false
	keyword.IncludeTermVectors = false

	date := bleve.NewDateTimeFieldMapping()
	date.Store = false
	date.IncludeInAll = false

	source := bleve.NewTextFieldMapping()
	source.Index = false
	source.IncludeInAll = false
	source.IncludeTermVectors = false
	source.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fTitle, text)
	doc.AddFieldMappingsAt(fBody, text)
	for _, f := range []string{fSection, fAuthors, fEntities, fEntityTypes, fTopics, fVersion} {
		doc.AddFieldMappingsAt(f, keyword)
	}
	doc.AddFieldMappingsAt(fPublished, date)
	doc.AddFieldMappingsAt(fSource, source)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = de.AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}

// Field names in the index.
const (
	fTitle       = "title"
	fBody        = "body"
	fSection     = "section"
	fAuthors     = "authors"
	fEntities    = "entities"
	fEntityTypes = "entity_types"
	fTopics      = "topics"
	fVersion     = "gazetteer_version"
	fPublished   = "published"
	fSource      = "source"
)

// Stored is an article as the index holds it.
type Stored struct {
	Article   tagging.Article
	Tags      tagging.Result
	IndexedAt time.Time
}
