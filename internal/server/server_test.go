package server_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/schlagwort/schlagwort/gazetteers"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/golden"
	"github.com/schlagwort/schlagwort/internal/index"
	"github.com/schlagwort/schlagwort/internal/server"
	"github.com/schlagwort/schlagwort/internal/tagger"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

var (
	loadOnce  sync.Once
	theTagger *tagger.Tagger
)

func defaultTagger(t testing.TB) *tagger.Tagger {
	loadOnce.Do(func() {
		g, err := gazetteer.Load(gazetteer.Layer{Name: "default", FS: gazetteers.FS})
		if err != nil {
			t.Fatal(err)
		}
		theTagger = tagger.New(g)
	})
	if theTagger == nil {
		t.Fatal("default gazetteer did not load")
	}
	return theTagger
}

// env is a running server on 127.0.0.1:0 over an index in dir.
type env struct {
	conn     *grpc.ClientConn
	tags     pb.TaggingServiceClient
	articles pb.ArticleServiceClient
	gaz      pb.GazetteerServiceClient
	admin    pb.AdminServiceClient
	stop     func()
}

func start(t testing.TB, dir string) *env {
	t.Helper()
	return startWith(t, dir, defaultTagger(t), nil)
}

// startWith starts a server with tagger tg (and, if not nil, a gazetteer
// loader for reloads) over an index in dir.
func startWith(t testing.TB, dir string, tg server.Tagger, load func() (server.Tagger, error)) *env {
	return startLimited(t, dir, tg, load, server.DefaultLimits)
}

func startLimited(t testing.TB, dir string, tg server.Tagger, load func() (server.Tagger, error), limits server.Limits) *env {
	t.Helper()
	return startOpts(t, dir, tg, load, server.Options{Limits: limits}, io.Discard)
}

// startOpts starts a server with options o, logging to logw.
func startOpts(t testing.TB, dir string, tg server.Tagger, load func() (server.Tagger, error), o server.Options, logw io.Writer) *env {
	t.Helper()
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(logw, nil))
	g := server.New(tg, ix, log, load).NewGRPC(o)
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go g.Serve(lis)
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	e := &env{conn: conn, tags: pb.NewTaggingServiceClient(conn), articles: pb.NewArticleServiceClient(conn),
		gaz: pb.NewGazetteerServiceClient(conn), admin: pb.NewAdminServiceClient(conn)}
	var once sync.Once
	e.stop = func() {
		once.Do(func() {
			conn.Close()
			g.GracefulStop()
			if err := ix.Close(); err != nil {
				t.Errorf("close index: %v", err)
			}
		})
	}
	t.Cleanup(e.stop)
	return e
}

// readArticles reads the test articles in testdata/articles.
func readArticles(tb testing.TB) []*pb.Article {
	tb.Helper()
	files, err := filepath.Glob("../../testdata/articles/*.json")
	if err != nil || len(files) < 20 {
		tb.Fatalf("test articles: %v (%d files)", err, len(files))
	}
	var out []*pb.Article
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		a := &pb.Article{}
		if err := protojson.Unmarshal(data, a); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		out = append(out, a)
	}
	return out
}

// testArticles reads the test articles and gives each a date (article i on
// day i of March 2026).
func testArticles(t *testing.T) []*pb.Article {
	arts := readArticles(t)
	for i, a := range arts {
		a.PublishedAt = timestamppb.New(time.Date(2026, 3, i+1, 9, 0, 0, 0, time.UTC))
	}
	return arts
}

func indexAll(t *testing.T, e *env, arts []*pb.Article) {
	t.Helper()
	for _, a := range arts {
		resp, err := e.tags.Tag(context.Background(), &pb.TagRequest{Article: a, Store: true})
		if err != nil {
			t.Fatalf("Tag(%s): %v", a.Id, err)
		}
		if resp.ArticleId != a.Id || resp.GazetteerVersion == "" {
			t.Fatalf("Tag(%s): article_id %q, gazetteer_version %q", a.Id, resp.ArticleId, resp.GazetteerVersion)
		}
	}
}

func search(t *testing.T, e *env, req *pb.SearchArticlesRequest) *pb.SearchArticlesResponse {
	t.Helper()
	resp, err := e.articles.SearchArticles(context.Background(), req)
	if err != nil {
		t.Fatalf("SearchArticles(%v): %v", req, err)
	}
	return resp
}

func ids(r *pb.SearchArticlesResponse) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ArticleId)
	}
	slices.Sort(out)
	return out
}

func TestTagAndSearch(t *testing.T) {
	e := start(t, t.TempDir())
	arts := testArticles(t)
	indexAll(t, e, arts)
	ctx := context.Background()

	byID := search(t, e, &pb.SearchArticlesRequest{AllEntities: []string{"per/wladimir-putin"}})
	if !slices.Contains(ids(byID), "01-putin-kim") || slices.Contains(ids(byID), "21-gruenkohl-rezept") {
		t.Errorf("entity per/wladimir-putin: hits %v", ids(byID))
	}
	byName := search(t, e, &pb.SearchArticlesRequest{AllEntities: []string{"Putin"}})
	if !slices.Equal(ids(byName), ids(byID)) || byName.ResolvedEntities["Putin"] != "per/wladimir-putin" {
		t.Errorf("entity name Putin: hits %v resolved %v, want hits %v", ids(byName), byName.ResolvedEntities, ids(byID))
	}
	both := search(t, e, &pb.SearchArticlesRequest{AllEntities: []string{"per/wladimir-putin", "per/kim-jong-un"}})
	for _, h := range both.Hits {
		if !slices.Contains(h.EntityIds, "per/wladimir-putin") || !slices.Contains(h.EntityIds, "per/kim-jong-un") {
			t.Errorf("all_entities: hit %s lacks one of the two: %v", h.ArticleId, h.EntityIds)
		}
	}
	anyOf := search(t, e, &pb.SearchArticlesRequest{AnyEntities: []string{"org/1-fc-koeln", "org/europaeische-zentralbank"}})
	for _, want := range []string{"12-fc-koeln-hsv", "07-ezb-zinsen"} {
		if !slices.Contains(ids(anyOf), want) {
			t.Errorf("any_entities: %s missing from %v", want, ids(anyOf))
		}
	}

	sport := search(t, e, &pb.SearchArticlesRequest{Topic: "medtop:15000000"})
	football := search(t, e, &pb.SearchArticlesRequest{Topic: "medtop:20001065"})
	if len(football.Hits) == 0 || !isSubset(ids(football), ids(sport)) || slices.Contains(ids(sport), "07-ezb-zinsen") {
		t.Errorf("topics: sport %v, football %v", ids(sport), ids(football))
	}

	march := search(t, e, &pb.SearchArticlesRequest{
		PublishedFrom: timestamppb.New(time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)),
		PublishedTo:   timestamppb.New(time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)),
		Sort:          pb.SortOrder_SORT_ORDER_DATE})
	if march.Total != 3 || march.Hits[0].PublishedAt.AsTime().Day() != 7 {
		t.Errorf("date range 5–7 March by date: total %d, hits %v", march.Total, ids(march))
	}

	words := search(t, e, &pb.SearchArticlesRequest{Query: "Zinsen"})
	if len(words.Hits) == 0 || words.Hits[0].ArticleId != "07-ezb-zinsen" {
		t.Fatalf("query Zinsen: hits %v", ids(words))
	}
	if s := strings.Join(words.Hits[0].Snippets, " "); !strings.Contains(s, "<mark>Zins") {
		t.Errorf("query Zinsen: snippets %q lack a highlighted Zins…", s)
	}

	all := search(t, e, &pb.SearchArticlesRequest{PageSize: 100})
	if int(all.Total) != len(arts) || all.NextPageToken != "" {
		t.Errorf("match all: total %d, next %q; want %d and no next page", all.Total, all.NextPageToken, len(arts))
	}
	checkFacets(t, all, len(arts))

	got, err := e.articles.GetArticle(ctx, &pb.GetArticleRequest{Id: "01-putin-kim"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.Body != arts[0].Body || got.Article.Title != arts[0].Title || len(got.Tags.Entities) == 0 {
		t.Errorf("GetArticle: article or tags differ from what was stored")
	}
}

func isSubset(sub, set []string) bool {
	for _, s := range sub {
		if !slices.Contains(set, s) {
			return false
		}
	}
	return true
}

func checkFacets(t *testing.T, r *pb.SearchArticlesResponse, n int) {
	t.Helper()
	counts := map[string]map[string]int64{}
	for _, f := range r.Facets {
		counts[f.Field] = map[string]int64{}
		for _, v := range f.Values {
			counts[f.Field][v.Value] = v.Count
		}
	}
	var politik, deutschland, sport int64
	for _, h := range r.Hits {
		if h.Section == "Politik" {
			politik++
		}
		// The entity facet counts an article for the eight most salient of
		// its linked entities; EntityIds lists them by salience.
		if slices.Contains(h.EntityIds[:min(len(h.EntityIds), 8)], "loc/deutschland") {
			deutschland++
		}
		if slices.Contains(h.TopicIds, "medtop:15000000") {
			sport++
		}
	}
	if politik == 0 || deutschland == 0 || sport == 0 || len(r.Hits) != n {
		t.Fatalf("test articles lack Politik, Deutschland or sport: %d %d %d", politik, deutschland, sport)
	}
	if counts["sections"]["Politik"] != politik || counts["entities"]["loc/deutschland"] != deutschland ||
		counts["topics"]["medtop:15000000"] != sport {
		t.Errorf("facets %v; want Politik %d, loc/deutschland %d, medtop:15000000 %d", counts, politik, deutschland, sport)
	}
}

// TestWordsInTitleAndBody: every word of a query must occur, in the title
// or in the body; a query of stop words alone finds nothing.
func TestWordsInTitleAndBody(t *testing.T) {
	e := start(t, t.TempDir())
	ctx := context.Background()
	for _, a := range []*pb.Article{
		{Id: "kiel", Title: "Hafenfest in Kiel", Body: "Die Segler feierten bis spät in die Nacht."},
		{Id: "luebeck", Title: "Regatta vor Travemünde", Body: "Die Ruderer kamen bei Sonnenaufgang ins Ziel."},
	} {
		if _, err := e.tags.Tag(ctx, &pb.TagRequest{Article: a, Store: true}); err != nil {
			t.Fatal(err)
		}
	}
	for query, want := range map[string]string{
		"Hafenfest Segler":      "kiel",    // one word in the title, one in the body
		"hafenfeste, SEGLERN!":  "kiel",    // folded and stemmed like the text
		"Hafenfest Ruderer":     "",        // each word is somewhere, but not in one article
		"Regatta Sonnenaufgang": "luebeck", //
		"und die in":            "",        // stop words only
	} {
		r := search(t, e, &pb.SearchArticlesRequest{Query: query})
		if got := strings.Join(ids(r), ","); got != want {
			t.Errorf("query %q: hits %q, want %q", query, got, want)
		}
	}
}

func TestPagesStayStable(t *testing.T) {
	e := start(t, t.TempDir())
	arts := testArticles(t)
	indexAll(t, e, arts[:20])
	var seen []string
	tok := ""
	for page := 0; ; page++ {
		r := search(t, e, &pb.SearchArticlesRequest{PageSize: 6, PageToken: tok, Sort: pb.SortOrder_SORT_ORDER_DATE})
		for _, h := range r.Hits {
			seen = append(seen, h.ArticleId)
		}
		if page == 0 {
			indexAll(t, e, arts[20:]) // newer articles arrive between pages
		}
		if tok = r.NextPageToken; tok == "" {
			break
		}
	}
	want := make([]string, 20)
	for i := range want {
		want[i] = arts[19-i].Id
	}
	if !slices.Equal(seen, want) {
		t.Errorf("pages by date:\n got %v\nwant %v", seen, want)
	}

	// By relevance, pages of 3 give the same order as one page.
	one := search(t, e, &pb.SearchArticlesRequest{Query: "sagte", PageSize: 100})
	var paged []string
	for tok = ""; ; {
		r := search(t, e, &pb.SearchArticlesRequest{Query: "sagte", PageSize: 3, PageToken: tok})
		for _, h := range r.Hits {
			paged = append(paged, h.ArticleId)
		}
		if tok = r.NextPageToken; tok == "" {
			break
		}
	}
	var all []string
	for _, h := range one.Hits {
		all = append(all, h.ArticleId)
	}
	if len(all) < 10 || !slices.Equal(paged, all) {
		t.Errorf("pages by relevance:\n got %v\nwant %v", paged, all)
	}
}

func TestDeleteAndRestart(t *testing.T) {
	dir := t.TempDir()
	e := start(t, dir)
	arts := testArticles(t)
	indexAll(t, e, arts[:5])
	ctx := context.Background()
	if _, err := e.articles.DeleteArticle(ctx, &pb.DeleteArticleRequest{Id: arts[0].Id}); err != nil {
		t.Fatal(err)
	}
	arts[1].Title = "Neuer Titel"
	indexAll(t, e, arts[1:2]) // replaced, not added
	e.stop()

	e = start(t, dir)
	r := search(t, e, &pb.SearchArticlesRequest{})
	if r.Total != 4 {
		t.Errorf("after restart: %d articles, want 4", r.Total)
	}
	if _, err := e.articles.GetArticle(ctx, &pb.GetArticleRequest{Id: arts[0].Id}); status.Code(err) != codes.NotFound {
		t.Errorf("deleted article: %v, want NotFound", err)
	}
	got, err := e.articles.GetArticle(ctx, &pb.GetArticleRequest{Id: arts[1].Id})
	if err != nil || got.Article.Title != "Neuer Titel" {
		t.Errorf("replaced article after restart: %v, %v", got.GetArticle().GetTitle(), err)
	}
}

func TestErrors(t *testing.T) {
	e := start(t, t.TempDir())
	ctx := context.Background()
	big := strings.Repeat("Wort ", tagger.MaxArticleBytes/5+1)
	for _, tc := range []struct {
		name  string
		call  func() error
		code  codes.Code
		field string
	}{
		{"empty body", func() error {
			_, err := e.tags.Tag(ctx, &pb.TagRequest{Article: &pb.Article{Id: "a"}})
			return err
		}, codes.InvalidArgument, "article.body"},
		{"no article", func() error {
			_, err := e.tags.Tag(ctx, &pb.TagRequest{})
			return err
		}, codes.InvalidArgument, "article"},
		{"store without id", func() error {
			_, err := e.tags.Tag(ctx, &pb.TagRequest{Article: &pb.Article{Body: "Text"}, Store: true})
			return err
		}, codes.InvalidArgument, "article.id"},
		{"invalid UTF-8 in the body", func() error {
			_, err := e.tags.Tag(ctx, &pb.TagRequest{Article: &pb.Article{Id: "a", Body: "Gr\xfc\xdfe aus K\xf6ln"}, Store: true})
			return err
		}, codes.InvalidArgument, "article.body"},
		{"invalid UTF-8 in the title", func() error {
			_, err := e.tags.Tag(ctx, &pb.TagRequest{Article: &pb.Article{Title: "M\xfcnchen", Body: "Text"}})
			return err
		}, codes.InvalidArgument, "article.title"},
		{"invalid UTF-8 in an author", func() error {
			_, err := e.tags.Tag(ctx, &pb.TagRequest{Article: &pb.Article{Id: "a", Body: "Text", Authors: []string{"Anna Schmidt", "J\xfcrgen"}}, Store: true})
			return err
		}, codes.InvalidArgument, "article.authors[1]"},
		{"invalid UTF-8 in a search", func() error {
			_, err := e.articles.SearchArticles(ctx, &pb.SearchArticlesRequest{Query: "Gespr\xe4che"})
			return err
		}, codes.InvalidArgument, "query"},
		{"invalid UTF-8 in an entity name", func() error {
			_, err := e.articles.SearchArticles(ctx, &pb.SearchArticlesRequest{AnyEntities: []string{"Putin", "M\xfcller"}})
			return err
		}, codes.InvalidArgument, "any_entities[1]"},
		{"too large", func() error {
			_, err := e.tags.Tag(ctx, &pb.TagRequest{Article: &pb.Article{Id: "a", Body: big}})
			return err
		}, codes.ResourceExhausted, "article.body"},
		{"bad date range", func() error {
			_, err := e.articles.SearchArticles(ctx, &pb.SearchArticlesRequest{
				PublishedFrom: timestamppb.New(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)),
				PublishedTo:   timestamppb.New(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))})
			return err
		}, codes.InvalidArgument, "published_to"},
		{"unknown entity name", func() error {
			_, err := e.articles.SearchArticles(ctx, &pb.SearchArticlesRequest{AllEntities: []string{"Xyzzy Quux"}})
			return err
		}, codes.InvalidArgument, "all_entities"},
		{"bad page token", func() error {
			_, err := e.articles.SearchArticles(ctx, &pb.SearchArticlesRequest{PageToken: "!!"})
			return err
		}, codes.InvalidArgument, "page_token"},
		{"missing article", func() error {
			_, err := e.articles.GetArticle(ctx, &pb.GetArticleRequest{Id: "nope"})
			return err
		}, codes.NotFound, ""},
		{"delete missing", func() error {
			_, err := e.articles.DeleteArticle(ctx, &pb.DeleteArticleRequest{Id: "nope"})
			return err
		}, codes.NotFound, ""},
		{"missing entity", func() error {
			_, err := e.gaz.GetEntity(ctx, &pb.GetEntityRequest{Id: "per/nobody"})
			return err
		}, codes.NotFound, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := status.Convert(tc.call())
			if st.Code() != tc.code {
				t.Fatalf("code %v (%s), want %v", st.Code(), st.Message(), tc.code)
			}
			if got := violation(st); got != tc.field {
				t.Errorf("BadRequest field %q, want %q", got, tc.field)
			}
		})
	}
	if r := search(t, e, &pb.SearchArticlesRequest{}); r.Total != 0 {
		t.Errorf("failed calls stored %d articles", r.Total)
	}
}

func violation(st *status.Status) string {
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok && len(br.FieldViolations) > 0 {
			return br.FieldViolations[0].Field
		}
	}
	return ""
}

func TestTagStream(t *testing.T) {
	e := start(t, t.TempDir())
	arts := testArticles(t)[:6]
	stream, err := e.tags.TagStream(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	reqs := []*pb.TagStreamRequest{}
	for i, a := range arts {
		reqs = append(reqs, &pb.TagStreamRequest{Article: a, Store: true})
		switch i {
		case 2:
			reqs = append(reqs, &pb.TagStreamRequest{Article: &pb.Article{Id: "leer"}, Store: true})
		case 4:
			reqs = append(reqs, &pb.TagStreamRequest{Article: &pb.Article{Id: "kaputt", Body: "Text", Authors: []string{"Gr\xfcn"}}, Store: true})
		}
	}
	bad := map[int]string{3: "article.body", 6: "article.authors[0]"} // request index → field
	go func() {
		for _, r := range reqs {
			if err := stream.Send(r); err != nil {
				return
			}
		}
		stream.CloseSend()
	}()
	for i := range reqs {
		resp, err := stream.Recv()
		if err != nil {
			t.Fatalf("Recv %d: %v", i, err)
		}
		if resp.Index != int64(i) {
			t.Fatalf("response %d has index %d", i, resp.Index)
		}
		if field, ok := bad[i]; ok {
			if resp.Error == nil || codes.Code(resp.Error.Code) != codes.InvalidArgument || resp.Error.Field != field {
				t.Errorf("bad item %d in stream: %v, want INVALID_ARGUMENT for %s", i, resp, field)
			}
			continue
		}
		if resp.Error != nil || resp.Response.ArticleId != reqs[i].Article.Id {
			t.Errorf("item %d: %v", i, resp)
		}
	}
	if _, err := stream.Recv(); err != io.EOF {
		t.Errorf("end of stream: %v", err)
	}
	if r := search(t, e, &pb.SearchArticlesRequest{}); int(r.Total) != len(arts) {
		t.Errorf("stream stored %d articles, want %d", r.Total, len(arts))
	}
}

func TestGazetteerService(t *testing.T) {
	e := start(t, t.TempDir())
	ctx := context.Background()
	for _, tc := range []struct{ prefix, want string }{
		{"münch", "loc/muenchen"},
		{"Muench", "loc/muenchen"},
		{"putin", "per/wladimir-putin"},
		{"Wladimir Pu", "per/wladimir-putin"},
		{"Wladiwostk", "loc/wladiwostok"}, // one letter missing
	} {
		r, err := e.gaz.SuggestEntities(ctx, &pb.SuggestEntitiesRequest{Prefix: tc.prefix, Limit: 5})
		if err != nil {
			t.Fatalf("Suggest(%q): %v", tc.prefix, err)
		}
		var got []string
		for _, s := range r.Suggestions {
			got = append(got, s.Entity.Id)
		}
		if tc.want != "" && !slices.Contains(got, tc.want) {
			t.Errorf("Suggest(%q) = %v, want %s among them", tc.prefix, got, tc.want)
		}
	}
	suggestGolden(t, e)
	r, err := e.gaz.SuggestEntities(ctx, &pb.SuggestEntitiesRequest{Prefix: "Hamburg", Type: pb.EntityType_ENTITY_TYPE_ORGANIZATION})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range r.Suggestions {
		if s.Entity.Type != pb.EntityType_ENTITY_TYPE_ORGANIZATION {
			t.Errorf("type filter: %s is %v", s.Entity.Id, s.Entity.Type)
		}
	}
	got, err := e.gaz.GetEntity(ctx, &pb.GetEntityRequest{Id: "per/kim-jong-un"})
	if err != nil || got.Entity.Name != "Kim Jong-un" || got.Entity.Type != pb.EntityType_ENTITY_TYPE_PERSON {
		t.Errorf("GetEntity(per/kim-jong-un) = %v, %v", got, err)
	}
	h, err := healthpb.NewHealthClient(e.conn).Check(ctx, &healthpb.HealthCheckRequest{Service: "schlagwort.v1.TaggingService"})
	if err != nil || h.Status != healthpb.HealthCheckResponse_SERVING {
		t.Errorf("health: %v, %v", h, err)
	}
}

// suggestGolden keeps the ranked suggestions for what editors type in
// testdata/suggest.golden: a ranking change shows up as a diff.
func suggestGolden(t *testing.T, e *env) {
	var b strings.Builder
	for _, p := range []string{"münch", "putin", "kim", "bayern", "ezb", "Merz", "köln", "Selenskj"} {
		r, err := e.gaz.SuggestEntities(context.Background(), &pb.SuggestEntitiesRequest{Prefix: p, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s:", p)
		for _, s := range r.Suggestions {
			fmt.Fprintf(&b, " %s (%s)", s.Entity.Id, s.Matched)
		}
		b.WriteString("\n")
	}
	golden.Check(t, "testdata/suggest.golden", []byte(b.String()))
}
