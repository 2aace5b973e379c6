// Package server serves the schlagwort.v1 gRPC services: it turns requests
// into calls on the tagger, the article index and the gazetteer lookup, and
// their errors into gRPC status codes (errors.go, the one place that does).
package server

import (
	"log/slog"
	"time"

	"google.golang.org/grpc"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/index"
	"github.com/schlagwort/schlagwort/internal/lookup"
	"github.com/schlagwort/schlagwort/internal/tagging"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// Tagger tags one article.
type Tagger interface {
	Tag(a *tagging.Article) (tagging.Result, error)
	Gazetteer() *gazetteer.Gazetteer
}

// Server implements the three services.
type Server struct {
	pb.UnimplementedTaggingServiceServer
	pb.UnimplementedArticleServiceServer
	pb.UnimplementedGazetteerServiceServer

	tagger Tagger
	index  *index.Index
	lookup *lookup.Index
	log    *slog.Logger
	now    func() time.Time
}

// New returns a server over a tagger and an open index.
func New(t Tagger, ix *index.Index, log *slog.Logger) *Server {
	return &Server{tagger: t, index: ix, lookup: lookup.New(t.Gazetteer()), log: log, now: time.Now}
}

// Register registers the services on g.
func (s *Server) Register(g *grpc.Server) {
	pb.RegisterTaggingServiceServer(g, s)
	pb.RegisterArticleServiceServer(g, s)
	pb.RegisterGazetteerServiceServer(g, s)
}
