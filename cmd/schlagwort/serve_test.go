package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// TestMain lets a test start this test binary as "schlagwort serve" in a
// child process, which a test can then kill -9.
func TestMain(m *testing.M) {
	if args := os.Getenv("SCHLAGWORT_TEST_MAIN"); args != "" {
		main2(strings.Split(args, "\x1f"))
	}
	os.Exit(m.Run())
}

func main2(args []string) {
	os.Args = append([]string{"schlagwort"}, args...)
	main()
}

// serveChild starts "schlagwort serve" on 127.0.0.1:0 over dir in a child
// process and returns it with the address it listens on.
func serveChild(t *testing.T, dir string, flags ...string) (*exec.Cmd, string) {
	t.Helper()
	c := serveChildURLs(t, dir, flags...)
	return c.cmd, c.addr
}

func TestIndexSearchGetSurviveKill9(t *testing.T) {
	dir := t.TempDir()
	srv, addr := serveChild(t, dir)
	jsonl := filepath.Join(t.TempDir(), "in.jsonl")
	sample, err := os.ReadFile("../../testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(sample)), "\n")[:10]
	bad := "{\"id\":\"leer\"}\nkein json\n"
	if err := os.WriteFile(jsonl, []byte(strings.Join(lines[:5], "")+bad+strings.Join(lines[5:], "")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCmd(t, "", "index", "--addr", addr, jsonl)
	if code != 1 || !strings.Contains(errOut, "in.jsonl:6: article.body") || !strings.Contains(errOut, "in.jsonl:7: ") ||
		!strings.Contains(errOut, "10 articles stored, 2 lines failed") {
		t.Fatalf("index with two bad lines: exit %d, stderr:\n%s", code, errOut)
	}

	srv.Process.Signal(syscall.SIGKILL) // no chance to flush anything
	srv.Wait()
	_, addr = serveChild(t, dir)

	out, errOut, code := runCmd(t, "", "search", "--addr", addr, "--entity", "Putin")
	if code != 0 || !strings.Contains(out, "Putin → per/wladimir-putin") || !strings.Contains(out, "01-putin-kim") {
		t.Fatalf("search after kill -9: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runCmd(t, "", "search", "--addr", addr, "--json")
	var all struct{ Total string }
	if err := json.Unmarshal([]byte(out), &all); code != 0 || err != nil || all.Total != "10" {
		t.Errorf("after kill -9, want all 10 acknowledged articles: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runCmd(t, "", "get", "--addr", addr, "01-putin-kim")
	if code != 0 || !strings.Contains(out, "Wladiwostok") || !strings.Contains(out, "per/kim-jong-un") {
		t.Errorf("get after kill -9: exit %d\n%s%s", code, out, errOut)
	}
	_, errOut, code = runCmd(t, "", "get", "--addr", addr, "fehlt")
	if code != 1 || !strings.Contains(errOut, "NotFound") {
		t.Errorf("get of a missing article: exit %d, %s", code, errOut)
	}
}

// TestKill9DuringTagStream kills the server while a TagStream is storing
// articles and checks, after a restart, that every acknowledged article is
// there.
func TestKill9DuringTagStream(t *testing.T) {
	dir := t.TempDir()
	srv, addr := serveChild(t, dir)
	conn, err := (&clientFlags{addr: addr}).dial()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	stream, err := pb.NewTaggingServiceClient(conn).TagStream(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	body := "Bundeskanzler Friedrich Merz sprach in Berlin mit Emmanuel Macron über die Lage in der Ukraine."
	go func() {
		for i := 0; ; i++ {
			a := &pb.Article{Id: fmt.Sprintf("a%05d", i), Body: body}
			if stream.Send(&pb.TagStreamRequest{Article: a, Store: true}) != nil {
				return
			}
		}
	}()
	var acked []string
	for len(acked) < 300 {
		r, err := stream.Recv()
		if err != nil {
			t.Fatalf("after %d acknowledgements: %v", len(acked), err)
		}
		acked = append(acked, r.Response.ArticleId)
	}
	srv.Process.Signal(syscall.SIGKILL) // writes are still going on
	srv.Wait()
	for {
		r, err := stream.Recv() // acknowledgements that were already on the wire
		if err != nil {
			break
		}
		acked = append(acked, r.Response.ArticleId)
	}

	_, addr = serveChild(t, dir)
	conn2, err := (&clientFlags{addr: addr}).dial()
	if err != nil {
		t.Fatal(err)
	}
	defer conn2.Close()
	articles := pb.NewArticleServiceClient(conn2)
	for _, id := range acked {
		if _, err := articles.GetArticle(context.Background(), &pb.GetArticleRequest{Id: id}); err != nil {
			t.Fatalf("acknowledged article %s after kill -9: %v", id, err)
		}
	}
	t.Logf("%d acknowledged articles all present after kill -9", len(acked))
}

// TestKill9DuringRetag kills the server during "retag --all" and checks
// that the next run re-tags exactly the articles the first did not finish.
func TestKill9DuringRetag(t *testing.T) {
	dir, gaz := t.TempDir(), t.TempDir()
	srv, addr := serveChild(t, dir, "--gazetteer", gaz)
	conn, err := (&clientFlags{addr: addr}).dial()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const n = 600
	stream, err := pb.NewTaggingServiceClient(conn).TagStream(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		a := &pb.Article{Id: fmt.Sprintf("a%04d", i), Body: "Stadtrat Jonas Wiegandt-Rühl sprach in Köln mit Friedrich Merz."}
		if err := stream.Send(&pb.TagStreamRequest{Article: a, Store: true}); err != nil {
			t.Fatal(err)
		}
	}
	stream.CloseSend()
	for i := range n {
		if _, err := stream.Recv(); err != nil {
			t.Fatalf("store %d: %v", i, err)
		}
	}
	rec := "per/jonas-wiegandt-ruehl\tPER\tJonas Wiegandt-Rühl\tsrc=editor\n"
	if err := os.WriteFile(filepath.Join(gaz, "local.tsv"), []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	admin := pb.NewAdminServiceClient(conn)
	if _, err := admin.ReloadGazetteer(context.Background(), &pb.ReloadGazetteerRequest{}); err != nil {
		t.Fatal(err)
	}
	rt, err := admin.Retag(context.Background(), &pb.RetagRequest{All: true, BatchSize: 20})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Recv(); err != nil { // the first batch is written
		t.Fatal(err)
	}
	srv.Process.Signal(syscall.SIGKILL)
	srv.Wait()

	_, addr = serveChild(t, dir, "--gazetteer", gaz)
	conn2, err := (&clientFlags{addr: addr}).dial()
	if err != nil {
		t.Fatal(err)
	}
	defer conn2.Close()
	rest, err := pb.NewAdminServiceClient(conn2).Retag(context.Background(), &pb.RetagRequest{All: true, BatchSize: 20})
	if err != nil {
		t.Fatal(err)
	}
	var last *pb.RetagResponse
	for {
		r, err := rest.Recv()
		if err != nil {
			break
		}
		last = r
	}
	if last == nil || !last.Finished || last.Total <= 0 || last.Total >= n || last.Done != last.Total || last.Changed != last.Total {
		t.Fatalf("retag after kill -9: %v; want the unfinished part of %d, each gaining the new entity", last, n)
	}
	t.Logf("first run re-tagged %d before kill -9, second run %d", n-last.Total, last.Total)
}
