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
// services report SERVING), server reflection for grpcurl, the message size
// limit and one log line per call.
func (s *Server) NewGRPC() *grpc.Server {
	g := grpc.NewServer(
		grpc.MaxRecvMsgSize(MaxMessageBytes),
		grpc.ChainUnaryInterceptor(s.logUnary),
		grpc.ChainStreamInterceptor(s.logStream),
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
