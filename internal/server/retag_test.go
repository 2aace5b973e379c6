package server_test

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// runRetag runs one Retag call to its end and returns the last message and
// the number of progress messages before it.
func runRetag(t *testing.T, admin pb.AdminServiceClient, req *pb.RetagRequest) (*pb.RetagResponse, int) {
	t.Helper()
	stream, err := admin.Retag(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var last *pb.RetagResponse
	n := 0
	for {
		r, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Retag(%v): %v", req, err)
		}
		if last != nil {
			n++
		}
		last = r
	}
	if last == nil || !last.Finished {
		t.Fatalf("Retag(%v): no final message: %v", req, last)
	}
	return last, n
}

// TestRetag indexes the test articles, adds an entity to the gazetteer that
// two articles mention (Jonas Wiegandt-Rühl, a candidate until then),
// reloads, and re-tags: dry run first (reports, writes nothing), then for
// real in batches of 5, then again (nothing left), then --all.
func TestRetag(t *testing.T) {
	dir, _, e := startLocal(t)
	tags, admin := e.tags, e.admin
	arts := testArticles(t)
	for _, a := range arts {
		if _, err := tags.Tag(context.Background(), &pb.TagRequest{Article: a, Store: true}); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "local.tsv"), newEntity)
	if _, err := admin.ReloadGazetteer(context.Background(), &pb.ReloadGazetteerRequest{}); err != nil {
		t.Fatal(err)
	}

	dry, _ := runRetag(t, admin, &pb.RetagRequest{DryRun: true})
	wantChange := []*pb.EntityChange{{EntityId: "per/jonas-wiegandt-ruehl", Gained: 1}}
	if dry.Total != int64(len(arts)) || dry.Done != dry.Total || dry.Changed != 1 || !sameChanges(dry.EntityChanges, wantChange) {
		t.Errorf("dry run: %v, want all %d articles, 1 changed, %v", dry, len(arts), wantChange)
	}
	real, batches := runRetag(t, admin, &pb.RetagRequest{BatchSize: 5})
	if real.Total != dry.Total || real.Done != real.Total || real.Changed != 1 || !sameChanges(real.EntityChanges, wantChange) || batches != (len(arts)+4)/5 {
		t.Errorf("retag: %v after %d batches, want the dry run's figures after %d", real, batches, (len(arts)+4)/5)
	}
	again, _ := runRetag(t, admin, &pb.RetagRequest{})
	if again.Total != 0 || again.Done != 0 {
		t.Errorf("second run: %v, want nothing left", again)
	}
	got, err := e.articles.GetArticle(context.Background(), &pb.GetArticleRequest{Id: "11-koeln-rheinufer"})
	if err != nil || got.Tags.GazetteerVersion != real.GazetteerVersion || !hasEntity(got.Tags, "per/jonas-wiegandt-ruehl") {
		t.Errorf("stored article after retag: version %s, %v", got.GetTags().GetGazetteerVersion(), err)
	}
	all, _ := runRetag(t, admin, &pb.RetagRequest{All: true})
	if all.Total != int64(len(arts)) || all.Changed != 0 {
		t.Errorf("--all with nothing changed: %v", all)
	}
	testRetagResumes(t, admin, len(arts))
}

// testRetagResumes interrupts an --all run after its first batch of one
// article and checks that the next run does exactly the rest.
func testRetagResumes(t *testing.T, admin pb.AdminServiceClient, n int) {
	ctx, cancel := context.WithCancel(context.Background())
	stream, err := admin.Retag(ctx, &pb.RetagRequest{All: true, BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stream.Recv(); err != nil {
		t.Fatal(err)
	}
	cancel() // as Ctrl-C would
	for {
		if _, err := stream.Recv(); err != nil {
			break
		}
	}
	rest, _ := runRetag(t, admin, &pb.RetagRequest{All: true, BatchSize: 1})
	if rest.Total <= 0 || rest.Total >= int64(n) || rest.Done != rest.Total {
		t.Errorf("after an interrupted --all: %v, want the rest of the %d articles", rest, n)
	}
	again, _ := runRetag(t, admin, &pb.RetagRequest{All: true})
	if again.Total != int64(n) {
		t.Errorf("--all after a completed run: total %d, want all %d again", again.Total, n)
	}
}

func sameChanges(got, want []*pb.EntityChange) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i].EntityId != want[i].EntityId || got[i].Gained != want[i].Gained || got[i].Lost != want[i].Lost {
			return false
		}
	}
	return true
}
