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
// first use. An index made with another mapping is refused: its documents
// lack the fields this version searches.
func Open(dir string) (*Index, error) {
	path := filepath.Join(dir, "articles.bleve")
	b, err := bleve.Open(path)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		if b, err = bleve.New(path, newMapping()); err == nil {
			err = b.SetInternal([]byte(mappingKey), []byte(mappingVersion))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	if v, err := b.GetInternal([]byte(mappingKey)); err != nil || string(v) != mappingVersion {
		b.Close()
		return nil, fmt.Errorf("index %s: made with index mapping %q, this version needs %q; move it away and index the articles again", path, v, mappingVersion)
	}
	return &Index{b: b}, nil
}

// mappingVersion changes whenever newMapping or the documents change.
const (
	mappingKey     = "schlagwort-mapping"
	mappingVersion = "4"
)

// Close flushes and closes the index.
func (ix *Index) Close() error { return ix.b.Close() }

// Count returns the number of stored articles.
func (ix *Index) Count() (uint64, error) { return ix.b.DocCount() }

// newMapping is the index mapping: German text for title and body (stored
// and with term vectors, because highlighting reads both); keyword fields
// without doc values for filters; two small doc-value fields for what every
// search reads of every hit: the facet terms and the sort key (kept
// uncompressed per document by plainDocValues, which the mapping cannot
// say); and the rest of the stored article in one stored-only field, with
// a small one for search hits beside it.
func newMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = de.AnalyzerName
	text.IncludeInAll = false
	text.DocValues = false

	keyword := func(docValues bool) *mapping.FieldMapping {
		k := bleve.NewKeywordFieldMapping()
		k.Store = false
		k.IncludeInAll = false
		k.IncludeTermVectors = false
		k.DocValues = docValues
		return k
	}

	date := bleve.NewDateTimeFieldMapping()
	date.Store = false
	date.IncludeInAll = false
	date.DocValues = false

	source := bleve.NewTextFieldMapping()
	source.Index = false
	source.IncludeInAll = false
	source.IncludeTermVectors = false
	source.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fTitle, text)
	doc.AddFieldMappingsAt(fBody, text)
	for _, f := range []string{fSection, fTopics, fAuthors, fEntities, fEntityTypes, fVersion} {
		doc.AddFieldMappingsAt(f, keyword(false))
	}
	doc.AddFieldMappingsAt(fFacets, keyword(true))
	doc.AddFieldMappingsAt(fSortKey, keyword(true))
	doc.AddFieldMappingsAt(fPublished, date)
	doc.AddFieldMappingsAt(fSource, source)
	doc.AddFieldMappingsAt(fSummary, source)

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
	fPublished   = "published" // date ranges
	fSource      = "source"
	fSummary     = "summary" // stored only: what a search hit shows (hitSummary)
	// fSortKey is what searches sort by after the score: sortKey, the
	// publication time in 7 or 12 sortable characters, "!" and the article
	// id. One short doc value per article gives date order with a unique
	// tie-break: Bleve's datetime doc values hold every precision step of
	// the number, and sorting by "_id" looks up each match's stored id; the
	// two took 40 % of a search's time.
	fSortKey = "sort_key"
	// fFacets holds every facet value of an article in one field, each
	// as a facetCodes code byte and the rest of the value, so that a
	// search reads one doc value per hit for all facets instead of three.
	fFacets = "facets"
)

// mainEntities is how many of an article's linked entities, the most
// salient first, the entity facet counts: an entity named in passing does
// not make an article one about it, and the facet reads less.
const mainEntities = 8

// Stored is an article as the index holds it.
type Stored struct {
	Article   tagging.Article
	Tags      tagging.Result
	IndexedAt time.Time
}
