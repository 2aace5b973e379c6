package server_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/schlagwort/schlagwort/gazetteers"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/server"
	"github.com/schlagwort/schlagwort/internal/tagger"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

const newEntity = "per/jonas-wiegandt-ruehl\tPER\tJonas Wiegandt-Rühl\tkind=politician\tsrc=editor\n"

// TestReloadUnderLoad reloads the gazetteer while four clients tag without
// pause: no call fails, each answer comes from one gazetteer version, the
// new entity is linked afterwards, and a broken file is rejected with its
// file:line while the previous version keeps serving.
func TestReloadUnderLoad(t *testing.T) {
	dir, first, e := startLocal(t)
	tags, admin := e.tags, e.admin
	art := &pb.Article{Id: "r", Body: "Stadtrat Jonas Wiegandt-Rühl sprach mit Friedrich Merz in Berlin."}
	oldVersion := first.Gazetteer().Version

	var calls, failures atomic.Int64
	versions := sync.Map{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				r, err := tags.Tag(context.Background(), &pb.TagRequest{Article: art})
				calls.Add(1)
				if err != nil {
					failures.Add(1)
					t.Errorf("Tag during reload: %v", err)
					continue
				}
				versions.Store(r.GazetteerVersion, true)
			}
		}()
	}

	writeFile(t, filepath.Join(dir, "local.tsv"), newEntity)
	rr, err := admin.ReloadGazetteer(context.Background(), &pb.ReloadGazetteerRequest{})
	if err != nil || rr.PreviousVersion != oldVersion || rr.GazetteerVersion == oldVersion {
		t.Fatalf("reload: %v, %v", rr, err)
	}
	newVersion := rr.GazetteerVersion

	writeFile(t, filepath.Join(dir, "broken.tsv"), "per/x\tPER\tX\n"+"per/y\tXYZ\tY\tsrc=editor\n")
	_, err = admin.ReloadGazetteer(context.Background(), &pb.ReloadGazetteerRequest{})
	st := status.Convert(err)
	if st.Code() != codes.FailedPrecondition || !strings.Contains(subjects(st), "local/broken.tsv:2") {
		t.Errorf("broken gazetteer: %v %q, want FailedPrecondition naming local/broken.tsv:2", st.Code(), subjects(st))
	}
	for calls.Load() < 200 { // keep the clients going a little past both reloads
		runtime.Gosched()
	}
	close(stop)
	wg.Wait()

	r, err := tags.Tag(context.Background(), &pb.TagRequest{Article: art})
	if err != nil || r.GazetteerVersion != newVersion || !hasEntity(r, "per/jonas-wiegandt-ruehl") {
		t.Errorf("after the reloads: version %s (want %s), entities %v, %v", r.GetGazetteerVersion(), newVersion, r.GetEntities(), err)
	}
	versions.Range(func(k, _ any) bool {
		if k != oldVersion && k != newVersion {
			t.Errorf("an answer carried gazetteer version %v", k)
		}
		return true
	})
	if failures.Load() != 0 {
		t.Errorf("%d of %d calls failed during the reloads", failures.Load(), calls.Load())
	}
}

// localLoader loads the default gazetteer plus the files in dir.
func localLoader(dir string) func() (server.Tagger, error) {
	return func() (server.Tagger, error) {
		g, err := gazetteer.Load(gazetteer.Layer{Name: "default", FS: gazetteers.FS}, gazetteer.Layer{Name: "local", FS: os.DirFS(dir)})
		if err != nil {
			return nil, err
		}
		return tagger.New(g), nil
	}
}

// startLocal starts a server whose gazetteer is the default plus the files
// of a temporary directory, which it returns with the first tagger.
func startLocal(t *testing.T) (string, server.Tagger, *env) {
	dir := t.TempDir()
	load := localLoader(dir)
	first, err := load()
	if err != nil {
		t.Fatal(err)
	}
	return dir, first, startWith(t, t.TempDir(), first, load)
}

func writeFile(t *testing.T, path, data string) {
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func subjects(st *status.Status) string {
	var out []string
	for _, d := range st.Details() {
		if pf, ok := d.(*errdetails.PreconditionFailure); ok {
			for _, v := range pf.Violations {
				out = append(out, v.Subject+" "+v.Description)
			}
		}
	}
	return strings.Join(out, "; ")
}

func hasEntity(r *pb.TagResponse, id string) bool {
	for _, e := range r.Entities {
		if e.Id == id && !e.Candidate {
			return true
		}
	}
	return false
}
