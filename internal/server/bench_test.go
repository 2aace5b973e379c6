package server_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// article5K joins test articles to one article of about 5 KB.
func article5K(arts []*pb.Article) *pb.Article {
	var body strings.Builder
	for i := 0; body.Len() < 5000; i++ {
		body.WriteString(arts[i%len(arts)].Body)
		body.WriteString("\n\n")
	}
	return &pb.Article{Id: "bench", Title: arts[0].Title, Body: body.String()[:5000]}
}

// BenchmarkTagRPC calls Tag over loopback gRPC with a 5 KB article, one
// call at a time, and reports p50 and p99 latency.
func BenchmarkTagRPC(b *testing.B) {
	e := start(b, b.TempDir())
	a := article5K(readArticles(b))
	lat := make([]time.Duration, 0, b.N)
	b.SetBytes(int64(len(a.Title) + len(a.Body)))
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		if _, err := e.tags.Tag(context.Background(), &pb.TagRequest{Article: a}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	reportLatency(b, lat)
}

func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkTagStreamIndex stores and indexes articles through TagStream,
// as "schlagwort index" does, and reports articles per second.
func BenchmarkTagStreamIndex(b *testing.B) {
	e := start(b, b.TempDir())
	arts := readArticles(b)
	var bytes int64
	for _, a := range arts {
		bytes += int64(len(a.Title) + len(a.Body))
	}
	b.SetBytes(bytes / int64(len(arts)))
	b.ResetTimer()
	streamArticles(b, e, arts, b.N, 0)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// streamArticles stores n copies of arts with ids "<id>-<first+i>" and
// dates spread over a year.
func streamArticles(b *testing.B, e *env, arts []*pb.Article, n, first int) {
	stream, err := e.tags.TagStream(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	go func() {
		for i := range n {
			a := proto.Clone(arts[i%len(arts)]).(*pb.Article)
			a.Id = a.Id + "-" + strconv.Itoa(first+i)
			a.PublishedAt = timestamppb.New(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(first+i) * 5 * time.Minute))
			if err := stream.Send(&pb.TagStreamRequest{Article: a, Store: true}); err != nil {
				return
			}
		}
		stream.CloseSend()
	}()
	for i := 0; ; i++ {
		r, err := stream.Recv()
		if err == io.EOF {
			if i != n {
				b.Fatalf("%d responses for %d articles", i, n)
			}
			return
		}
		if err != nil {
			b.Fatal(err)
		}
		if r.Error != nil {
			b.Fatalf("item %d: %v", i, r.Error)
		}
	}
}

// BenchmarkSearch searches an index of SEARCH_ARTICLES generated articles
// (default 10,000) for an entity plus a word with facets, and reports p50,
// p99 and the index size per article. SEARCH_DIR keeps the index in a
// directory of that name, built on the first run and reused after.
func BenchmarkSearch(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("SEARCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	dir := os.Getenv("SEARCH_DIR") // kept between runs: the index is built once
	if dir == "" {
		dir = b.TempDir()
	}
	e := start(b, dir)
	if r, err := e.articles.SearchArticles(context.Background(), &pb.SearchArticlesRequest{}); err != nil || r.Total < int64(n) {
		streamArticles(b, e, readArticles(b), n, 0)
	}
	queries := []*pb.SearchArticlesRequest{
		{AllEntities: []string{"per/wladimir-putin"}, Query: "Gespräche"},
		{AllEntities: []string{"org/europaeische-zentralbank"}, Query: "Zinsen"},
		{AllEntities: []string{"org/fc-bayern-muenchen"}, Query: "Tor", Sort: pb.SortOrder_SORT_ORDER_DATE},
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		t0 := time.Now()
		r, err := e.articles.SearchArticles(context.Background(), queries[i%len(queries)])
		if err != nil {
			b.Fatal(err)
		}
		if r.Total == 0 {
			b.Fatalf("no hits for %v", queries[i%len(queries)])
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	reportLatency(b, lat)
	b.ReportMetric(float64(dirSize(b, dir))/float64(n), "index-B/article")
	b.ReportMetric(float64(n), "articles")
}

func dirSize(b *testing.B, dir string) int64 {
	var size int64
	err := filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			size += fi.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(fmt.Errorf("index size: %w", err))
	}
	return size
}

// BenchmarkRetag re-tags and rewrites 2,000 stored articles with --all per
// iteration, as "schlagwort retag --all" does, and reports articles per
// second.
func BenchmarkRetag(b *testing.B) {
	const n = 2000
	e := start(b, b.TempDir())
	streamArticles(b, e, readArticles(b), n, 0)
	b.ResetTimer()
	for range b.N {
		stream, err := e.admin.Retag(context.Background(), &pb.RetagRequest{All: true})
		if err != nil {
			b.Fatal(err)
		}
		var last *pb.RetagResponse
		for {
			r, err := stream.Recv()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			last = r
		}
		if last == nil || !last.Finished || last.Done != n {
			b.Fatalf("retag ended with %v", last)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}
