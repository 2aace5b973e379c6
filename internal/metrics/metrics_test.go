package metrics

import (
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	return string(b)
}

// TestMetrics: what the server reports shows up under the documented names.
func TestMetrics(t *testing.T) {
	docs := func() (uint64, error) { return 42, nil }
	m := New(State{Gazetteer: func() (string, int) { return "g123", 5000 }, Documents: docs})
	m.Tagged(3, false)
	m.Tagged(7, true)
	m.Tagged(0, true)
	m.Retagged(&pb.RetagResponse{Total: 100, Done: 40, Changed: 5}, true)
	out := scrape(t, m)
	for _, want := range []string{
		`schlagwort_articles_tagged_total{stored="false"} 1`,
		`schlagwort_articles_tagged_total{stored="true"} 2`,
		`schlagwort_entities_per_article_sum 10`,
		`schlagwort_entities_per_article_count 3`,
		`schlagwort_entities_per_article_bucket{le="0"} 1`,
		`schlagwort_gazetteer_info{version="g123"} 1`,
		`schlagwort_gazetteer_entities 5000`,
		`schlagwort_index_documents 42`,
		`schlagwort_retag_articles{count="done",dry_run="true"} 40`,
		`schlagwort_retag_articles{count="total",dry_run="true"} 100`,
		`schlagwort_retag_articles{count="changed",dry_run="true"} 5`,
		`schlagwort_retag_last_finished_timestamp_seconds 0`,
		`go_goroutines `,
		`process_resident_memory_bytes `,
	} {
		line := "\n" + want
		if !strings.HasSuffix(want, " ") {
			line += "\n"
		}
		if !strings.Contains(out, line) {
			t.Errorf("metrics lack %q", want)
		}
	}
	m.Retagged(&pb.RetagResponse{Total: 100, Done: 100, Changed: 9, Finished: true}, false)
	if out := scrape(t, m); strings.Contains(out, "schlagwort_retag_last_finished_timestamp_seconds 0\n") {
		t.Error("a finished Retag did not set the finish time")
	}
}

// TestIndexError: an index that cannot count leaves its gauge out instead
// of reporting a made-up number; the other metrics are still served.
func TestIndexError(t *testing.T) {
	m := New(State{Gazetteer: func() (string, int) { return "g1", 1 }, Documents: func() (uint64, error) { return 0, errors.New("index closed") }})
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	out := rec.Body.String()
	if rec.Code != 200 || strings.Contains(out, "\nschlagwort_index_documents ") || !strings.Contains(out, "\nschlagwort_gazetteer_entities 1\n") {
		t.Errorf("scrape with a failing index: %d\n%s", rec.Code, out)
	}
}
