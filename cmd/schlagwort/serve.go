package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/schlagwort/schlagwort/internal/index"
	"github.com/schlagwort/schlagwort/internal/server"
)

// runServe implements "schlagwort serve".
func runServe(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet("serve", env)
	var o Options
	o.Flags(fs)
	addr := fs.String("addr", "127.0.0.1:7410", "address to listen on")
	data := fs.String("data", "./data", "directory of the article index (created on first start)")
	lim := server.DefaultLimits
	fs.IntVar(&lim.MaxArticleBytes, "max-article-bytes", lim.MaxArticleBytes, "largest title plus body accepted, in bytes")
	fs.Int64Var(&lim.MaxInFlight, "max-in-flight", lim.MaxInFlight, "unary calls served at once; more get RESOURCE_EXHAUSTED")
	fs.Int64Var(&lim.MaxStreams, "max-streams", lim.MaxStreams, "TagStream and Retag streams open at once; more get RESOURCE_EXHAUSTED")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := lim.Check(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	log := slog.New(slog.NewJSONHandler(env.stderr, nil))
	t, err := o.Tagger()
	if err != nil {
		return err
	}
	ix, err := index.Open(*data)
	if err != nil {
		return err
	}
	closeIndex := sync.OnceValue(ix.Close)
	defer closeIndex()
	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	load := func() (server.Tagger, error) {
		t, err := o.Tagger()
		if err != nil {
			return nil, err
		}
		return t, nil
	}
	srv := server.New(t, ix, log, load)
	g := srv.NewGRPC(lim)
	go reloadOnHUP(ctx, srv, log)
	n, _ := ix.Count()
	log.Info("serving", "addr", lis.Addr().String(), "data", *data, "articles", n,
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
