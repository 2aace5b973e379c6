package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	"github.com/schlagwort/schlagwort/internal/index"
	"github.com/schlagwort/schlagwort/internal/metrics"
	"github.com/schlagwort/schlagwort/internal/server"
	"github.com/schlagwort/schlagwort/internal/tagger"
)

// serveConfig is everything serve is told by its flags.
type serveConfig struct {
	Options
	serverFlags
	addr, data, metricsAddr string
	pprof                   bool
	limits                  server.Limits
}

func (c *serveConfig) parse(env *env, args []string) error {
	fs := newFlagSet("serve", env)
	c.Options.Flags(fs)
	c.serverFlags.Flags(fs)
	fs.StringVar(&c.addr, "addr", "127.0.0.1:7410", "address to listen on")
	fs.StringVar(&c.data, "data", "./data", "directory of the article index (created on first start)")
	fs.StringVar(&c.metricsAddr, "metrics-addr", "", "address to serve Prometheus metrics on at /metrics (default: none)")
	fs.BoolVar(&c.pprof, "pprof", false, "also serve Go profiles at /debug/pprof/ on --metrics-addr")
	l := &c.limits
	*l = server.DefaultLimits
	fs.IntVar(&l.MaxArticleBytes, "max-article-bytes", l.MaxArticleBytes, "largest title plus body accepted, in bytes")
	fs.IntVar(&l.MaxRequestBytes, "max-request-bytes", l.MaxRequestBytes, "largest request message accepted, in bytes")
	fs.Int64Var(&l.MaxInFlight, "max-in-flight", l.MaxInFlight, "unary calls served at once; more get RESOURCE_EXHAUSTED")
	fs.Int64Var(&l.MaxStreams, "max-streams", l.MaxStreams, "TagStream and Retag streams open at once; more get RESOURCE_EXHAUSTED")
	fs.IntVar(&l.StreamWindow, "stream-window", l.StreamWindow, "TagStream requests read ahead per stream")
	fs.Int64Var(&l.StreamBytes, "stream-bytes", l.StreamBytes, "article bytes read ahead per TagStream")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := l.Check(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// runServe implements "schlagwort serve".
func runServe(ctx context.Context, env *env, args []string) error {
	var c serveConfig
	if err := c.parse(env, args); err != nil {
		return err
	}
	opts := server.Options{Limits: c.limits}
	var err error
	if opts.Tokens, err = c.Tokens(); err != nil {
		return err
	}
	if opts.TLS, err = c.TLS(); err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(env.stderr, nil))
	lis, err := c.listen(log, opts.Tokens.Len()) // first, to refuse an open address at once
	if err != nil {
		return err
	}
	defer lis.Close()
	t, err := c.tagger()
	if err != nil {
		return err
	}
	ix, err := index.Open(c.data)
	if err != nil {
		return err
	}
	closeIndex := sync.OnceValue(ix.Close)
	defer closeIndex()
	load := func() (server.Tagger, error) { return c.tagger() }
	srv := server.New(t, ix, log, load)
	m := metrics.New(metrics.State{Gazetteer: srv.GazetteerSize, Documents: ix.Count})
	opts.Unary, opts.Stream, opts.Observer = append(opts.Unary, m.Unary()), append(opts.Stream, m.Stream()), m
	g := srv.NewGRPC(opts)
	m.Init(g)
	stopMetrics, err := c.serveMetrics(m, log)
	if err != nil {
		return err
	}
	defer stopMetrics()
	go reloadOnHUP(ctx, srv, log)
	n, _ := ix.Count()
	log.Info("serving", "addr", lis.Addr().String(), "tls", opts.TLS != nil, "mutual_tls", c.clientCA != "",
		"tokens", opts.Tokens.Len(), "data", c.data, "articles", n,
		"gazetteer", t.Gazetteer().Version, "entities", len(t.Gazetteer().Entities))
	done := make(chan error, 1)
	go func() { done <- g.Serve(lis) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing calls in flight")
	stopped := make(chan struct{})
	go func() { g.GracefulStop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		log.Warn("calls still running after 10s; stopping them")
		g.Stop()
	}
	if err := closeIndex(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	log.Info("stopped; index closed")
	return nil
}

// tagger loads the gazetteers and builds the tagger, then returns the
// pages the build freed to the system: the name lookup the server builds
// next reuses only part of them (its arrays need long runs of pages), and
// pages the runtime keeps count as resident. At a million entities the
// build's scratch is about 100 MB. (A collection after the load, which
// once held the whole file text, no longer lowers the peak: the loader
// streams.)
func (c *serveConfig) tagger() (*tagger.Tagger, error) {
	g, err := c.Load()
	if err != nil {
		return nil, err
	}
	t := tagger.New(g)
	debug.FreeOSMemory()
	return t, nil
}

// listen opens the gRPC address. Without tokens anyone who reaches the
// port can do anything, so it must be a loopback address unless
// --insecure-no-auth says otherwise.
func (c *serveConfig) listen(log *slog.Logger, tokens int) (net.Listener, error) {
	lis, err := net.Listen("tcp", c.addr)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	if tokens > 0 {
		return lis, nil
	}
	ip := lis.Addr().(*net.TCPAddr).IP
	switch {
	case ip.IsLoopback():
		log.Warn("no tokens configured: access control is off; listening on loopback only", "addr", lis.Addr().String())
	case c.noAuth:
		log.Warn("no tokens configured and --insecure-no-auth: anyone who reaches this address may tag, read, delete and re-tag", "addr", lis.Addr().String())
	default:
		lis.Close()
		return nil, fmt.Errorf("%w: --addr %s is not a loopback address and no tokens are configured; give --tokens FILE (or $SCHLAGWORT_TOKENS), or --insecure-no-auth to serve it without access control", errUsage, c.addr)
	}
	return lis, nil
}

// serveMetrics serves /metrics on --metrics-addr, if given.
func (c *serveConfig) serveMetrics(m *metrics.Metrics, log *slog.Logger) (stop func(), err error) {
	if c.metricsAddr == "" {
		if c.pprof {
			return nil, fmt.Errorf("%w: --pprof needs --metrics-addr", errUsage)
		}
		return func() {}, nil
	}
	lis, err := net.Listen("tcp", c.metricsAddr)
	if err != nil {
		return nil, fmt.Errorf("--metrics-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", m.Handler())
	if c.pprof {
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	}
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := hs.Serve(lis); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server stopped", "err", err.Error())
		}
	}()
	log.Info("metrics", "addr", "http://"+lis.Addr().String()+"/metrics")
	return func() { hs.Close() }, nil
}

// reloadOnHUP reloads the gazetteer on every SIGHUP.
func reloadOnHUP(ctx context.Context, srv *server.Server, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			if _, _, err := srv.Reload(); err != nil {
				log.Error("gazetteer reload rejected; the old one keeps serving", "err", err.Error())
			}
		}
	}
}
