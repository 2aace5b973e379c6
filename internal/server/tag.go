package server

import (
	"context"
	"errors"
	"io"

	"google.golang.org/grpc/status"

	"github.com/schlagwort/schlagwort/internal/index"
	"github.com/schlagwort/schlagwort/internal/protoconv"
	"github.com/schlagwort/schlagwort/internal/tagging"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// Tag implements TaggingService.Tag.
func (s *Server) Tag(ctx context.Context, req *pb.TagRequest) (*pb.TagResponse, error) {
	resp, err := s.tag(ctx, req.GetArticle(), req.GetStore())
	return resp, s.toStatus(err, "article")
}

func (s *Server) tag(ctx context.Context, p *pb.Article, store bool) (*pb.TagResponse, error) {
	if p == nil {
		return nil, invalid("", "article is missing")
	}
	a := protoconv.Article(p)
	if store && a.ID == "" {
		return nil, invalid("id", "an article needs an id to be stored")
	}
	res, err := s.tagger.Tag(&a)
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

// TagStream implements TaggingService.TagStream: one response per request,
// in order. The next request is read only after the previous one is
// answered, so gRPC flow control slows down a client that sends faster than
// the server tags.
func (s *Server) TagStream(stream pb.TaggingService_TagStreamServer) error {
	ctx := stream.Context()
	for i := int64(0); ; i++ {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		out := &pb.TagStreamResponse{Index: i}
		resp, err := s.tag(ctx, req.GetArticle(), req.GetStore())
		switch code := tagging.ErrorCode(err); {
		case err == nil:
			out.Response = resp
		case code == tagging.EInternal || ctx.Err() != nil:
			return s.toStatus(err, "article")
		default:
			st := status.Convert(s.toStatus(err, "article"))
			var field string
			var e *tagging.Error
			if errors.As(err, &e) && e.Field != "" {
				field = "article." + e.Field
			}
			out.Error = &pb.ItemError{Code: int32(st.Code()), Message: st.Message(), Field: field}
		}
		if err := stream.Send(out); err != nil {
			return err
		}
	}
}
