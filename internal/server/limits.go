package server

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/sync/semaphore"
	"google.golang.org/grpc"

	"github.com/schlagwort/schlagwort/internal/tagger"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// Limits bound what the server takes on; beyond them a call fails at once
// with RESOURCE_EXHAUSTED instead of queueing.
type Limits struct {
	MaxArticleBytes int   // title plus body, at most tagger.MaxArticleBytes
	MaxRequestBytes int   // one request message as received
	MaxInFlight     int64 // unary calls being served at once
	MaxStreams      int64 // TagStream and Retag streams open at once
	StreamWindow    int   // TagStream requests read ahead per stream
	StreamBytes     int64 // article bytes read ahead per stream
}

// DefaultLimits are the limits of a server started without flags.
var DefaultLimits = Limits{
	MaxArticleBytes: tagger.MaxArticleBytes,
	MaxRequestBytes: MaxMessageBytes,
	MaxInFlight:     256,
	MaxStreams:      16,
	StreamWindow:    1024, // one index batch per window: fewer, larger segments (+25 % over 256)
	StreamBytes:     16 << 20,
}

// Check reports a limit that is out of range.
func (l Limits) Check() error {
	switch {
	case l.MaxArticleBytes < 1 || l.MaxArticleBytes > tagger.MaxArticleBytes:
		return fmt.Errorf("max article bytes %d: want 1..%d", l.MaxArticleBytes, tagger.MaxArticleBytes)
	case l.MaxRequestBytes < l.MaxArticleBytes+1<<10 || l.MaxRequestBytes > 64<<20:
		return fmt.Errorf("max request bytes %d: want %d (the article limit + 1 KiB) to %d", l.MaxRequestBytes, l.MaxArticleBytes+1<<10, 64<<20)
	case l.MaxInFlight < 1:
		return fmt.Errorf("max in-flight calls %d: want at least 1", l.MaxInFlight)
	case l.MaxStreams < 1:
		return fmt.Errorf("max streams %d: want at least 1", l.MaxStreams)
	case l.StreamWindow < 1 || l.StreamWindow > 1<<16:
		return fmt.Errorf("stream window %d: want 1..%d", l.StreamWindow, 1<<16)
	case l.StreamBytes < 1:
		return fmt.Errorf("stream bytes %d: want at least 1", l.StreamBytes)
	}
	return nil
}

// limiter enforces Limits in interceptors.
type limiter struct {
	Limits
	unary, streams *semaphore.Weighted
}

func newLimiter(l Limits) *limiter {
	return &limiter{Limits: l, unary: semaphore.NewWeighted(l.MaxInFlight), streams: semaphore.NewWeighted(l.MaxStreams)}
}

func (l *limiter) limitUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	if !l.unary.TryAcquire(1) {
		return nil, tagging.Errorf(tagging.ETooLarge, "", "%d calls are being served, the limit; retry shortly", l.MaxInFlight)
	}
	defer l.unary.Release(1)
	return h(ctx, req)
}

func (l *limiter) limitStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	if !strings.HasPrefix(info.FullMethod, "/schlagwort.v1.") { // health and reflection streams are not limited
		return h(srv, ss)
	}
	if !l.streams.TryAcquire(1) {
		return tagging.Errorf(tagging.ETooLarge, "", "%d streams are open, the limit; retry later", l.MaxStreams)
	}
	defer l.streams.Release(1)
	return h(srv, ss)
}
