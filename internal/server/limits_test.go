package server_test

import (
	"context"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/schlagwort/schlagwort/internal/server"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// TestLimits: an article over a configured size, a request over the
// configured message size and a stream beyond the configured number get
// RESOURCE_EXHAUSTED with a message saying which limit; after the first
// stream ends, a new one is accepted.
func TestLimits(t *testing.T) {
	lim := server.DefaultLimits
	lim.MaxArticleBytes, lim.MaxRequestBytes, lim.MaxInFlight, lim.MaxStreams, lim.StreamWindow = 200, 200+1<<10, 4, 1, 1
	if err := lim.Check(); err != nil {
		t.Fatal(err)
	}
	e := startLimited(t, t.TempDir(), defaultTagger(t), nil, lim)
	ctx := context.Background()

	_, err := e.tags.Tag(ctx, &pb.TagRequest{Article: &pb.Article{Body: "Kurz.", Url: "https://example.org/" + strings.Repeat("a", 2000)}})
	if st := status.Convert(err); st.Code() != codes.ResourceExhausted || !strings.Contains(st.Message(), "larger than max") {
		t.Errorf("request of 2 KB over a 1224-byte limit: %v", err)
	}

	_, err = e.tags.Tag(ctx, &pb.TagRequest{Article: &pb.Article{Body: strings.Repeat("Berlin ", 40)}})
	if st := status.Convert(err); st.Code() != codes.ResourceExhausted || !strings.Contains(st.Message(), "limit is 200") {
		t.Errorf("article of 280 bytes over a 200-byte limit: %v", err)
	}
	if _, err := e.tags.Tag(ctx, &pb.TagRequest{Article: &pb.Article{Body: "Angela Merkel in Berlin."}}); err != nil {
		t.Errorf("small article: %v", err)
	}

	first, err := e.tags.TagStream(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Send(&pb.TagStreamRequest{Article: &pb.Article{Body: "Olaf Scholz in Hamburg."}}); err != nil {
		t.Fatal(err)
	}
	if _, err := first.Recv(); err != nil { // the first stream is open on the server
		t.Fatal(err)
	}
	second, err := e.tags.TagStream(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = second.Recv()
	if st := status.Convert(err); st.Code() != codes.ResourceExhausted || !strings.Contains(st.Message(), "1 streams are open") {
		t.Errorf("second stream over a limit of 1: %v", err)
	}
	first.CloseSend()
	if _, err := first.Recv(); err == nil {
		t.Fatal("first stream: want its end")
	}
	third, err := e.tags.TagStream(ctx)
	if err != nil {
		t.Fatal(err)
	}
	third.Send(&pb.TagStreamRequest{Article: &pb.Article{Body: "Emmanuel Macron in Paris."}})
	if _, err := third.Recv(); err != nil {
		t.Errorf("a stream after the first ended: %v", err)
	}
	third.CloseSend()
}
