package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// runRetag implements "schlagwort retag --addr ADDR [--all] [--dry-run]".
func runRetag(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet("retag", env)
	var cf clientFlags
	cf.Flags(fs)
	all := fs.Bool("all", false, "re-tag every article, not only those tagged by another gazetteer version")
	dry := fs.Bool("dry-run", false, "report what would change without writing")
	size := fs.Int("batch", 1000, "articles per batch on the server (1..1000)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	stream, err := pb.NewAdminServiceClient(conn).Retag(ctx, &pb.RetagRequest{All: *all, DryRun: *dry, BatchSize: int32(*size)})
	if err != nil {
		return rpcError("retag", err)
	}
	start := time.Now()
	var bar *progressbar.ProgressBar
	for {
		r, err := stream.Recv()
		if err == io.EOF {
			return fmt.Errorf("retag: the server ended the stream without a summary")
		}
		if err != nil {
			return rpcError("retag", err)
		}
		if r.Finished {
			if bar != nil {
				bar.Finish()
			}
			if _, err := stream.Recv(); err != io.EOF { // the call's status
				return rpcError("retag", err)
			}
			return printRetag(env.stdout, r, *dry, time.Since(start))
		}
		bar = retagProgress(env, bar, r)
	}
}

// retagProgress shows a bar on a terminal and a log line per batch otherwise.
func retagProgress(env *env, bar *progressbar.ProgressBar, r *pb.RetagResponse) *progressbar.ProgressBar {
	if f, ok := env.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if bar == nil {
			bar = progressbar.Default(r.Total, "re-tagging")
		}
		bar.Set64(r.Done)
		return bar
	}
	fmt.Fprintf(env.stderr, "%s re-tagged %d of %d articles, %d changed\n", time.Now().Format(time.TimeOnly), r.Done, r.Total, r.Changed)
	return nil
}

func printRetag(w io.Writer, r *pb.RetagResponse, dry bool, took time.Duration) error {
	verb := "changed"
	if dry {
		verb = "would change (dry run, nothing written)"
	}
	rate := float64(r.Done) / max(took.Seconds(), 1e-9)
	fmt.Fprintf(w, "gazetteer %s: %d articles re-tagged in %s (%.0f/s), %d %s\n",
		r.GazetteerVersion, r.Done, took.Round(time.Millisecond), rate, r.Changed, verb)
	for _, c := range r.EntityChanges {
		fmt.Fprintf(w, "  %-40s +%d −%d\n", c.EntityId, c.Gained, c.Lost)
	}
	return nil
}
