package index

import (
	"time"

	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"
)

// sortKey is the fSortKey value of an article: sortDate of its
// publication time, sortKeySep and its id. Keys compare as (time, id) do.
func sortKey(published time.Time, id string) string {
	return sortDate(published) + sortKeySep + id
}

// sortDigits are 64 digits in ascending byte order; sortKeySep sorts
// before all of them, so a shorter date sorts before a longer one that
// starts alike, and an undated article before all dated ones.
const (
	sortDigits = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
	sortKeySep = "!"
)

// sortEpoch is sortDate's second zero: the first second of year 1, the
// earliest time a protobuf Timestamp can hold.
var sortEpoch = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()

// sortDate writes t as 7 digits (sortDigits) for the whole seconds since
// sortEpoch, which last until about year 139,000, and 5 more for the
// nanoseconds if there are any; "" for the zero time. Dates compare as the
// times do, to the nanosecond; times beyond either end are clamped.
func sortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	const maxSecs = 1<<42 - 1 // 7 digits of 6 bits
	secs := min(max(t.Unix()-sortEpoch, 0), maxSecs)
	b := appendDigits(make([]byte, 0, 12), uint64(secs), 7)
	if ns := t.Nanosecond(); ns != 0 {
		b = appendDigits(b, uint64(ns), 5)
	}
	return string(b)
}

// appendDigits appends v as n sortDigits, the most significant first.
func appendDigits(b []byte, v uint64, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, sortDigits[v>>(6*i)&63])
	}
	return b
}

// plainDocValues makes Bleve keep the doc values of fFacets and fSortKey
// per document and uncompressed (as it does for geo points; the mapping
// cannot ask for it). Every search reads them for every hit, and hits are
// spread over the index: compressed in chunks of 1,024 documents, nearly
// every chunk had to be decompressed for every search.
//
// zapx v17.2.5 handles the two options only together. With
// SkipDVChunking alone, docValueReader.visitDocValues cuts the
// decompressed values at the compressed length and panics. With
// SkipDVCompression alone, a merge goes wrong: iterateAllDocValues tests
// SkipDVCompression where it means SkipDVChunking, so the merged segment
// gives all values of a chunk of 1,024 documents to the document numbered
// like the chunk and none to the others.
func plainDocValues(d *document.Document) {
	for i, f := range d.Fields {
		if t, ok := f.(*document.TextField); ok && (t.Name() == fFacets || t.Name() == fSortKey) {
			opts := t.Options() | bindex.SkipDVChunking | bindex.SkipDVCompression
			d.Fields[i] = document.NewTextFieldCustom(t.Name(), t.ArrayPositions(), t.Value(), opts, t.Analyzer())
		}
	}
}
