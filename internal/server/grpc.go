package server

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"

	"github.com/schlagwort/schlagwort/internal/tagger"
)

// MaxMessageBytes limits a request: the article limit plus room for the
// metadata fields.
const MaxMessageBytes = tagger.MaxArticleBytes + 64<<10

// NewGRPC returns a gRPC server with the services, health checking (the
// services report SERVING), server reflection for grpcurl, the limits (a
// request over MaxArticleBytes + 64 KiB is refused by gRPC itself) and one
// log line per call.
func (s *Server) NewGRPC(l Limits) *grpc.Server {
	lim := newLimiter(l)
	s.maxArticle = l.MaxArticleBytes
	g := grpc.NewServer(
		grpc.MaxRecvMsgSize(l.MaxArticleBytes+64<<10),
		grpc.ChainUnaryInterceptor(s.logUnary, s.statusUnary(lim.limitUnary)),
		grpc.ChainStreamInterceptor(s.logStream, s.statusStream(lim.limitStream)),
	)
	s.Register(g)
	h := health.NewServer()
	for name := range g.GetServiceInfo() {
		h.SetServingStatus(name, healthpb.HealthCheckResponse_SERVING)
	}
	h.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
	healthpb.RegisterHealthServer(g, h)
	reflection.Register(g)
	return g
}

func (s *Server) logUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	start := time.Now()
	resp, err := h(ctx, req)
	s.log.Debug("rpc", "method", info.FullMethod, "code", status.Code(err).String(), "took", time.Since(start))
	if err != nil {
		s.log.Info("rpc failed", "method", info.FullMethod, "code", status.Code(err).String(), "err", status.Convert(err).Message())
	}
	return resp, err
}

func (s *Server) logStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	start := time.Now()
	err := h(srv, ss)
	s.log.Info("stream", "method", info.FullMethod, "code", status.Code(err).String(), "took", time.Since(start))
	return err
}

// statusUnary and statusStream map the domain errors of the limiters.
func (s *Server) statusUnary(next grpc.UnaryServerInterceptor) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		resp, err := next(ctx, req, info, h)
		if _, ok := status.FromError(err); !ok {
			err = s.toStatus(err, "")
		}
		return resp, err
	}
}

func (s *Server) statusStream(next grpc.StreamServerInterceptor) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		err := next(srv, ss, info, h)
		if _, ok := status.FromError(err); !ok {
			err = s.toStatus(err, "")
		}
		return err
	}
}
