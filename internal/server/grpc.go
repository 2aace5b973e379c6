package server

import (
	"context"
	"crypto/tls"
	"slices"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"

	"github.com/schlagwort/schlagwort/internal/access"
	"github.com/schlagwort/schlagwort/internal/tagger"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// MaxMessageBytes is the default request limit: the article limit plus
// room for the metadata fields.
const MaxMessageBytes = tagger.MaxArticleBytes + 64<<10

// Options configure the gRPC server.
type Options struct {
	Limits // zero: DefaultLimits
	// Tokens, if it holds any, turns on access control: every call but
	// health checks needs a bearer token whose role allows it.
	Tokens *access.Tokens
	// TLS, if not nil, serves TLS (and mutual TLS if it asks for client
	// certificates).
	TLS *tls.Config
	// Unary and Stream run first on every call, e.g. to count it.
	Unary  []grpc.UnaryServerInterceptor
	Stream []grpc.StreamServerInterceptor
	// Observer is told of tagged articles and re-tag progress.
	Observer Observer
}

// Observer is told what the server does, e.g. to export metrics.
type Observer interface {
	// Tagged is called once per tagged article with its number of linked
	// entities.
	Tagged(entities int, stored bool)
	// Retagged is called after every batch of a Retag call.
	Retagged(p *pb.RetagResponse, dryRun bool)
}

type noObserver struct{}

func (noObserver) Tagged(int, bool)                 {}
func (noObserver) Retagged(*pb.RetagResponse, bool) {}

// NewGRPC returns a gRPC server with the services, health checking (the
// services report SERVING), server reflection for grpcurl, access control,
// the limits (a request over MaxRequestBytes is refused by gRPC itself)
// and one log line per call.
func (s *Server) NewGRPC(o Options) *grpc.Server {
	if o.Limits == (Limits{}) {
		o.Limits = DefaultLimits
	}
	lim := newLimiter(o.Limits)
	s.limits = o.Limits
	if o.Observer != nil {
		s.obs = o.Observer
	}
	unary := append(slices.Clone(o.Unary), s.logUnary)
	stream := append(slices.Clone(o.Stream), s.logStream)
	if o.Tokens.Len() > 0 {
		a := &authorizer{tokens: o.Tokens, s: s}
		unary = append(unary, s.statusUnary(a.unary))
		stream = append(stream, s.statusStream(a.stream))
	}
	opts := []grpc.ServerOption{
		grpc.MaxRecvMsgSize(o.MaxRequestBytes),
		grpc.ChainUnaryInterceptor(append(unary, s.statusUnary(lim.limitUnary), s.statusUnary(s.checkUTF8Unary))...),
		grpc.ChainStreamInterceptor(append(stream, s.statusStream(lim.limitStream))...),
	}
	if o.TLS != nil {
		opts = append(opts, grpc.Creds(credentials.NewTLS(o.TLS)))
	}
	g := grpc.NewServer(opts...)
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
