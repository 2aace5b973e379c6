package server

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"

	"golang.org/x/sync/semaphore"
	"google.golang.org/grpc/status"

	"github.com/schlagwort/schlagwort/internal/index"
	"github.com/schlagwort/schlagwort/internal/protoconv"
	"github.com/schlagwort/schlagwort/internal/tagger"
	"github.com/schlagwort/schlagwort/internal/tagging"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// Tag implements TaggingService.Tag.
func (s *Server) Tag(ctx context.Context, req *pb.TagRequest) (*pb.TagResponse, error) {
	resp, err := s.tag(ctx, req.GetArticle(), req.GetStore())
	return resp, s.toStatus(err, "article")
}

func (s *Server) tag(ctx context.Context, p *pb.Article, store bool) (*pb.TagResponse, error) {
	a, res, err := s.tagArticle(p, store)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if store {
		if err := s.index.Put(&index.Stored{Article: a, Tags: res, IndexedAt: s.now().UTC()}); err != nil {
			return nil, err
		}
	}
	return protoconv.TagResponse(&res), nil
}

// tagArticle checks and tags one article.
func (s *Server) tagArticle(p *pb.Article, store bool) (tagging.Article, tagging.Result, error) {
	if p == nil {
		return tagging.Article{}, tagging.Result{}, invalid("", "article is missing")
	}
	a := protoconv.Article(p)
	if store && a.ID == "" {
		return a, tagging.Result{}, invalid("id", "an article needs an id to be stored")
	}
	if err := tagger.CheckSize(&a, s.limits.MaxArticleBytes); err != nil { // Tag validates the rest
		return a, tagging.Result{}, err
	}
	res, err := s.engine().tagger.Tag(&a)
	if err == nil {
		s.obs.Tagged(countLinked(res), store)
	}
	return a, res, err
}

// TagStream implements TaggingService.TagStream: one response per request,
// in order. A reader goroutine holds at most Limits.StreamWindow requests
// and Limits.StreamBytes of articles; when either is full it stops reading, and gRPC
// flow control slows the client down. The requests waiting at
// any moment are tagged and written to the index as one batch, so a bulk
// job pays for one durable write per batch, not per article.
func (s *Server) TagStream(stream pb.TaggingService_TagStreamServer) error {
	ctx := stream.Context()
	window, maxHeld := s.limits.StreamWindow, s.limits.StreamBytes
	reqs := make(chan *pb.TagStreamRequest, window)
	recvErr := make(chan error, 1)
	held := semaphore.NewWeighted(maxHeld)
	weight := func(r *pb.TagStreamRequest) int64 { return weight(r, maxHeld) }
	go func() {
		defer close(reqs)
		for {
			req, err := stream.Recv()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					recvErr <- err
				}
				return
			}
			if held.Acquire(ctx, weight(req)) != nil {
				return
			}
			select {
			case reqs <- req:
			case <-ctx.Done():
				return
			}
		}
	}()
	var next int64
	for req := range reqs {
		group := []*pb.TagStreamRequest{req}
	drain:
		for len(group) < window {
			select {
			case r, ok := <-reqs:
				if !ok {
					break drain
				}
				group = append(group, r)
			default:
				break drain
			}
		}
		out, err := s.tagGroup(ctx, group, next)
		for _, r := range group {
			held.Release(weight(r))
		}
		if err != nil {
			return s.toStatus(err, "article")
		}
		for _, o := range out {
			if err := stream.Send(o); err != nil {
				return err
			}
		}
		next += int64(len(group))
	}
	select {
	case err := <-recvErr:
		return err
	default:
		return ctx.Err()
	}
}

// weight is what a request counts against the bytes a stream may hold: at
// least 1, at most limit, so that one article over the limit still passes
// alone (and is then refused by the size check).
func weight(r *pb.TagStreamRequest, limit int64) int64 {
	n := int64(len(r.GetArticle().GetTitle()) + len(r.GetArticle().GetBody()) + 1)
	return min(n, limit)
}

// tagGroup tags a group of stream items and stores those that ask for it in
// one index write. Bad items get an ItemError; an index failure fails the
// whole call (nothing of the group was acknowledged).
func (s *Server) tagGroup(ctx context.Context, group []*pb.TagStreamRequest, first int64) ([]*pb.TagStreamResponse, error) {
	out := make([]*pb.TagStreamResponse, len(group))
	var docs []*index.Stored
	now := s.now().UTC()
	tagged := s.tagAll(group)
	for i, req := range group {
		out[i] = &pb.TagStreamResponse{Index: first + int64(i)}
		a, res, err := tagged[i].a, tagged[i].res, tagged[i].err
		if err != nil {
			if tagging.ErrorCode(err) == tagging.EInternal {
				return nil, err
			}
			out[i].Error = itemError(s.toStatus(err, "article"), err)
			continue
		}
		if req.GetStore() {
			docs = append(docs, &index.Stored{Article: a, Tags: res, IndexedAt: now})
		}
		out[i].Response = protoconv.TagResponse(&res)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(docs) > 0 {
		if err := s.index.Put(docs...); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type taggedItem struct {
	a   tagging.Article
	res tagging.Result
	err error
}

// tagAll tags the articles of a group on all cores: the tagger is safe for
// concurrent use, and a bulk job otherwise tags on one core while Bleve
// analyses on the others.
func (s *Server) tagAll(group []*pb.TagStreamRequest) []taggedItem {
	out := make([]taggedItem, len(group))
	workers := min(runtime.GOMAXPROCS(0), len(group))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(group); i += workers {
				r := group[i]
				out[i].a, out[i].res, out[i].err = s.tagArticle(r.GetArticle(), r.GetStore())
			}
		})
	}
	wg.Wait()
	return out
}

func itemError(st error, err error) *pb.ItemError {
	e := &pb.ItemError{Code: int32(status.Code(st)), Message: status.Convert(st).Message()}
	var te *tagging.Error
	if errors.As(err, &te) {
		e.Message = te.Message
		e.Field = joinField("article", te.Field)
	}
	return e
}

// countLinked counts the entities of r linked to the gazetteer.
func countLinked(r tagging.Result) int {
	n := 0
	for _, e := range r.Entities {
		if !e.Candidate {
			n++
		}
	}
	return n
}
