// Package server serves the schlagwort.v1 gRPC services: it turns requests
// into calls on the tagger, the article index and the gazetteer lookup, and
// their errors into gRPC status codes (errors.go, the one place that does).
package server

import (
	"log/slog"
	"sync"
	"sync/atomic"
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
	pb.UnimplementedAdminServiceServer

	eng    atomic.Pointer[engine] // swapped whole by Reload
	load   func() (Tagger, error) // builds a tagger from the gazetteer files; nil: no reload
	reload sync.Mutex             // one reload at a time
	index  *index.Index
	log    *slog.Logger
	limits Limits   // set by NewGRPC
	obs    Observer // set by NewGRPC
	now    func() time.Time
}

// engine is what one gazetteer version serves with. A call takes the
// current engine once and uses it throughout, so a reload never mixes two
// gazetteers in one answer.
type engine struct {
	tagger Tagger
	lookup func() *lookup.Index // built in the background; waits until it is ready
}

// newEngine wraps t and starts building its name lookup, which takes
// seconds for a million entities, so that tagging need not wait for it.
func newEngine(t Tagger) *engine {
	build := sync.OnceValue(func() *lookup.Index { return lookup.New(t.Gazetteer()) })
	go build()
	return &engine{tagger: t, lookup: build}
}

// New returns a server over a tagger and an open index. load, if not nil,
// builds a fresh tagger from the gazetteer files for Reload.
func New(t Tagger, ix *index.Index, log *slog.Logger, load func() (Tagger, error)) *Server {
	s := &Server{index: ix, log: log, now: time.Now, load: load, limits: DefaultLimits, obs: noObserver{}}
	s.eng.Store(newEngine(t))
	return s
}

func (s *Server) engine() *engine { return s.eng.Load() }

// Reload builds a new tagger with load and swaps it in; on any problem the
// old one keeps serving. It returns the previous and the new engine.
func (s *Server) Reload() (prev, cur *engine, err error) {
	s.reload.Lock()
	defer s.reload.Unlock()
	prev = s.engine()
	if s.load == nil {
		return prev, prev, tagging.Errorf(tagging.EUnavailable, "", "this server cannot reload its gazetteer")
	}
	t, err := s.load()
	if err != nil {
		return prev, prev, err
	}
	cur = newEngine(t)
	cur.lookup() // ready before it serves
	s.eng.Store(cur)
	s.log.Info("gazetteer reloaded", "previous", prev.tagger.Gazetteer().Version,
		"version", t.Gazetteer().Version, "entities", len(t.Gazetteer().Entities))
	return prev, cur, nil
}

// Register registers the services on g.
func (s *Server) Register(g *grpc.Server) {
	pb.RegisterTaggingServiceServer(g, s)
	pb.RegisterArticleServiceServer(g, s)
	pb.RegisterGazetteerServiceServer(g, s)
	pb.RegisterAdminServiceServer(g, s)
}

// GazetteerSize returns the version and entity count of the gazetteer
// serving now.
func (s *Server) GazetteerSize() (version string, entities int) {
	g := s.engine().tagger.Gazetteer()
	return g.Version, len(g.Entities)
}
