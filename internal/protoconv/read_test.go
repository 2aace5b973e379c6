package protoconv

import (
	"bytes"
	"testing"
	"time"

	"github.com/schlagwort/schlagwort/internal/tagging"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

func TestParseArticle(t *testing.T) {
	tests := []struct {
		name, in string
		want     tagging.Article
		code     string
	}{
		{"protojson article", `{"id":"a1","title":"T","body":"B","section":"Politik","publishedAt":"2026-03-14T09:30:00Z","authors":["Anna"]}`,
			tagging.Article{ID: "a1", Title: "T", Body: "B", Section: "Politik", PublishedAt: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC), Authors: []string{"Anna"}}, ""},
		{"plain text is the body", "Putin reist nach Wladiwostok.\n", tagging.Article{Body: "Putin reist nach Wladiwostok.\n"}, ""},
		{"an unknown snake_case field is an error", `{"article_id_unknown":1}`, tagging.Article{}, tagging.EInvalid},
		{"invalid JSON names the position", `{"title": }`, tagging.Article{}, tagging.EInvalid},
		{"unknown field is an error", `{"titel":"x"}`, tagging.Article{}, tagging.EInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseArticle([]byte(tt.in))
			if code := tagging.ErrorCode(err); code != tt.code {
				t.Fatalf("error %v has code %q, want %q", err, code, tt.code)
			}
			if err != nil {
				return
			}
			if got.ID != tt.want.ID || got.Title != tt.want.Title || got.Body != tt.want.Body || got.Section != tt.want.Section ||
				!got.PublishedAt.Equal(tt.want.PublishedAt) || len(got.Authors) != len(tt.want.Authors) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestRoundTrip(t *testing.T) {
	a := tagging.Article{ID: "x", Title: "Kim", Body: "Text", PublishedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	b := Article(ArticleProto(&a))
	if b.ID != a.ID || b.Title != a.Title || !b.PublishedAt.Equal(a.PublishedAt) {
		t.Errorf("round trip changed the article: %+v", b)
	}
}

func FuzzParseArticle(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"„Kim“","body":"x"}`))
	f.Add([]byte("Einfach Text"))
	f.Add([]byte(`{"publishedAt":"nope"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseArticle(data)
		if err != nil && tagging.ErrorCode(err) != tagging.EInvalid {
			t.Fatalf("error without EInvalid code: %v", err)
		}
		trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
		if err == nil && (len(trimmed) == 0 || trimmed[0] != '{') && a.Body != string(data) {
			t.Fatalf("plain text was changed")
		}
	})
}
