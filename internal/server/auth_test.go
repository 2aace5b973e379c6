package server_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"

	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"

	"github.com/schlagwort/schlagwort/internal/access"
	"github.com/schlagwort/schlagwort/internal/server"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

const (
	taggerToken = "tagger-token-0123456789"
	editorToken = "editor-token-0123456789"
	adminToken  = "admin-token-0123456789"
	otherToken  = "other-token-0123456789"
)

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startWithTokens(t *testing.T) (*env, *syncBuffer) {
	t.Helper()
	toks, err := access.Parse("tokens", strings.NewReader(
		"cms tagger "+taggerToken+"\ndesk editor "+editorToken+"\nops admin "+adminToken+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	e := startOpts(t, t.TempDir(), defaultTagger(t), nil, server.Options{Limits: server.DefaultLimits, Tokens: toks}, logs)
	return e, logs
}

func as(token string) context.Context {
	if token == "" {
		return context.Background()
	}
	return metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+token)
}

// TestAccessControl calls every kind of RPC with no token, an unknown
// token and each role's token, and checks the code: UNAUTHENTICATED without
// a known token, PERMISSION_DENIED outside the role, and the call's own
// result inside it. Tokens never reach the log.
func TestAccessControl(t *testing.T) {
	e, logs := startWithTokens(t)
	art := readArticles(t)[0]
	calls := map[string]func(ctx context.Context) error{
		"Tag": func(ctx context.Context) error {
			_, err := e.tags.Tag(ctx, &pb.TagRequest{Article: art})
			return err
		},
		"Tag store": func(ctx context.Context) error {
			_, err := e.tags.Tag(ctx, &pb.TagRequest{Article: art, Store: true})
			return err
		},
		"TagStream":       func(ctx context.Context) error { return streamOne(ctx, e, art, false) },
		"TagStream store": func(ctx context.Context) error { return streamOne(ctx, e, art, true) },
		"Search": func(ctx context.Context) error {
			_, err := e.articles.SearchArticles(ctx, &pb.SearchArticlesRequest{Query: "Putin"})
			return err
		},
		"Get": func(ctx context.Context) error {
			_, err := e.articles.GetArticle(ctx, &pb.GetArticleRequest{Id: "fehlt"})
			return err
		},
		"Suggest": func(ctx context.Context) error {
			_, err := e.gaz.SuggestEntities(ctx, &pb.SuggestEntitiesRequest{Prefix: "putin"})
			return err
		},
		"Delete": func(ctx context.Context) error {
			_, err := e.articles.DeleteArticle(ctx, &pb.DeleteArticleRequest{Id: "fehlt"})
			return err
		},
		"Reload": func(ctx context.Context) error {
			_, err := e.admin.ReloadGazetteer(ctx, &pb.ReloadGazetteerRequest{})
			return err
		},
		"Retag": func(ctx context.Context) error {
			s, err := e.admin.Retag(ctx, &pb.RetagRequest{DryRun: true})
			if err != nil {
				return err
			}
			for {
				if _, err := s.Recv(); err != nil {
					if err == io.EOF {
						return nil
					}
					return err
				}
			}
		},
	}
	const U, D, OK, NF, FP = codes.Unauthenticated, codes.PermissionDenied, codes.OK, codes.NotFound, codes.FailedPrecondition
	want := map[string][5]codes.Code{ // no token, unknown, tagger, editor, admin
		"Tag":             {U, U, OK, D, OK},
		"Tag store":       {U, U, D, D, OK},
		"TagStream":       {U, U, OK, D, OK},
		"TagStream store": {U, U, D, D, OK},
		"Search":          {U, U, D, OK, OK},
		"Get":             {U, U, D, NF, NF},
		"Suggest":         {U, U, D, OK, OK},
		"Delete":          {U, U, D, D, NF},
		"Reload":          {U, U, D, D, FP}, // this server has no loader
		"Retag":           {U, U, D, D, OK},
	}
	tokens := []string{"", otherToken, taggerToken, editorToken, adminToken}
	for name, call := range calls {
		for i, tok := range tokens {
			err := call(as(tok))
			if got := status.Code(err); got != want[name][i] {
				t.Errorf("%s with token %d: %v, want %v", name, i, err, want[name][i])
			}
		}
	}
	_, err := e.tags.Tag(as(taggerToken), &pb.TagRequest{Article: art, Store: true})
	if msg := status.Convert(err).Message(); msg != `token "cms" (role tagger) may not tag+index; that needs role admin` {
		t.Errorf("permission message: %q", msg)
	}
	log := logs.String()
	for _, tok := range tokens[1:] {
		if strings.Contains(log, tok) {
			t.Errorf("the log shows token %q", tok)
		}
	}
	if !strings.Contains(log, "access denied") || !strings.Contains(log, "caller=cms") {
		t.Errorf("denied calls are not logged with the caller's name:\n%s", log)
	}
}

// TestHealthOpenReflectionClosed: probes need no token; reflection, which
// lists the API, needs any valid one.
func TestHealthOpenReflectionClosed(t *testing.T) {
	e, _ := startWithTokens(t)
	if _, err := healthpb.NewHealthClient(e.conn).Check(context.Background(), &healthpb.HealthCheckRequest{}); err != nil {
		t.Errorf("health without a token: %v", err)
	}
	for tok, want := range map[string]codes.Code{"": codes.Unauthenticated, editorToken: codes.OK} {
		s, err := reflectionpb.NewServerReflectionClient(e.conn).ServerReflectionInfo(as(tok))
		if err == nil {
			err = s.Send(&reflectionpb.ServerReflectionRequest{MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{}})
		}
		if err == nil {
			_, err = s.Recv()
		}
		if status.Code(err) != want {
			t.Errorf("reflection with token %q: %v, want %v", tok, err, want)
		}
	}
}

func streamOne(ctx context.Context, e *env, art *pb.Article, store bool) error {
	s, err := e.tags.TagStream(ctx)
	if err != nil {
		return err
	}
	if err := s.Send(&pb.TagStreamRequest{Article: art, Store: store}); err != nil && err != io.EOF {
		return err // io.EOF: the server has ended the stream; Recv gives its status
	}
	s.CloseSend()
	for {
		r, err := s.Recv()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if r.GetError() != nil {
			return status.Error(codes.Code(r.GetError().GetCode()), r.GetError().GetMessage())
		}
	}
}
