package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/schlagwort/schlagwort/internal/protoconv"
	"github.com/schlagwort/schlagwort/internal/server"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// runGet implements "schlagwort get --addr ADDR ID".
func runGet(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet("get", env)
	var cf clientFlags
	cf.Flags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: get takes one article ID", errUsage)
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	resp, err := pb.NewArticleServiceClient(conn).GetArticle(ctx, &pb.GetArticleRequest{Id: fs.Arg(0)})
	if err != nil {
		return rpcError("get", err)
	}
	return printJSON(env.stdout, resp)
}

func printJSON(w io.Writer, m proto.Message) error {
	b, err := protojson.MarshalOptions{Multiline: true}.Marshal(m)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// rpcError describes a failed call with its gRPC code.
func rpcError(what string, err error) error {
	st := status.Convert(err)
	return fmt.Errorf("%s: %s: %s", what, st.Code(), st.Message())
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// runSearch implements "schlagwort search".
func runSearch(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet("search", env)
	var cf clientFlags
	cf.Flags(fs)
	var ents stringList
	fs.Var(&ents, "entity", "entity id or name every hit mentions (repeatable)")
	topic := fs.String("topic", "", "IPTC qcode; a top-level qcode includes everything under it")
	from := fs.String("from", "", "published on or after this date (YYYY-MM-DD)")
	to := fs.String("to", "", "published before the end of this date (YYYY-MM-DD)")
	byDate := fs.Bool("by-date", false, "newest first instead of by relevance")
	size := fs.Int("n", 20, "hits to show")
	asJSON := fs.Bool("json", false, "print the protojson SearchArticlesResponse")
	if err := fs.Parse(args); err != nil {
		return err
	}
	req := &pb.SearchArticlesRequest{Query: strings.Join(fs.Args(), " "), AllEntities: ents, Topic: *topic, PageSize: int32(*size)}
	if *byDate {
		req.Sort = pb.SortOrder_SORT_ORDER_DATE
	}
	var err error
	if req.PublishedFrom, err = date("--from", *from, 0); err != nil {
		return err
	}
	if req.PublishedTo, err = date("--to", *to, 24*time.Hour); err != nil {
		return err
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	resp, err := pb.NewArticleServiceClient(conn).SearchArticles(ctx, req)
	if err != nil {
		return rpcError("search", err)
	}
	if *asJSON {
		return printJSON(env.stdout, resp)
	}
	return printHits(env.stdout, resp)
}

func date(flag, s string, add time.Duration) (*timestamppb.Timestamp, error) {
	if s == "" {
		return nil, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return nil, fmt.Errorf("%w: %s %q: want YYYY-MM-DD", errUsage, flag, s)
	}
	return timestamppb.New(t.Add(add)), nil
}

func printHits(w io.Writer, r *pb.SearchArticlesResponse) error {
	for name, id := range r.ResolvedEntities {
		fmt.Fprintf(w, "%s → %s\n", name, id)
	}
	fmt.Fprintf(w, "%d articles\n\n", r.Total)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tID\tSECTION\tTITLE")
	for _, h := range r.Hits {
		d := "-"
		if h.PublishedAt != nil {
			d = h.PublishedAt.AsTime().Format("2006-01-02")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d, h.ArticleId, h.Section, h.Title)
	}
	return tw.Flush()
}

// runIndex implements "schlagwort index --addr ADDR FILE.jsonl": every line
// goes to the server through TagStream with store = true. A line that is
// not an article, or that the server rejects, is named on stderr; the
// others are stored, and the command exits 1 if any line failed.
func runIndex(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet("index", env)
	var cf clientFlags
	cf.Flags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: index takes one FILE.jsonl", errUsage)
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	stream, err := pb.NewTaggingServiceClient(conn).TagStream(ctx)
	if err != nil {
		return rpcError("index", err)
	}
	start := time.Now()
	bar := newBar(env, f)
	lines := make(chan int, 4096) // line numbers of the items in flight, in order; more than a server window, so batches fill
	type sent struct {
		bad int
		err error
	}
	done := make(chan sent, 1)
	go func() {
		bad, err := sendLines(f, fs.Arg(0), stream, lines, bar, env)
		done <- sent{bad, err}
	}()
	var stored, failed int
	for line := range lines {
		resp, err := stream.Recv()
		if err != nil {
			return rpcError(fmt.Sprintf("index %s:%d", fs.Arg(0), line), err)
		}
		if e := resp.GetError(); e != nil {
			failed++
			fmt.Fprintf(env.stderr, "%s:%d: %s: %s\n", fs.Arg(0), line, e.GetField(), e.GetMessage())
			continue
		}
		stored++
	}
	s := <-done
	if s.err != nil {
		return s.err
	}
	if _, err := stream.Recv(); err != io.EOF { // the call's status, once every item is answered
		return rpcError("index "+fs.Arg(0), err)
	}
	bar.Finish()
	fmt.Fprintf(env.stderr, "%d articles stored, %d lines failed, in %s\n", stored, failed+s.bad, time.Since(start).Round(time.Millisecond))
	if failed+s.bad > 0 {
		return errReported
	}
	return nil
}

// sendLines sends every line that parses as an article and names the others
// on stderr; it returns how many did not parse.
func sendLines(r io.Reader, name string, stream pb.TaggingService_TagStreamClient, lines chan<- int, bar *progressbar.ProgressBar, env *env) (bad int, err error) {
	defer close(lines)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), server.MaxMessageBytes)
	n := 0
	for sc.Scan() {
		n++
		bar.Add(len(sc.Bytes()) + 1)
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		a, err := protoconv.ParseJSON(sc.Bytes())
		if err != nil {
			bad++
			fmt.Fprintf(env.stderr, "%s:%d: %v\n", name, n, err)
			continue
		}
		lines <- n
		if err := stream.Send(&pb.TagStreamRequest{Article: protoconv.ArticleProto(&a), Store: true}); err != nil {
			return bad, nil // Recv reports the stream's error
		}
	}
	if err := sc.Err(); err != nil {
		stream.CloseSend()
		return bad, fmt.Errorf("%s:%d: %w (limit %d bytes); the lines before it were sent", name, n+1, err, server.MaxMessageBytes)
	}
	return bad, stream.CloseSend()
}

// newBar returns a byte progress bar on a terminal and a silent one
// otherwise.
func newBar(env *env, f *os.File) *progressbar.ProgressBar {
	size := int64(-1)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	if e, ok := env.stderr.(*os.File); ok && term.IsTerminal(int(e.Fd())) {
		return progressbar.DefaultBytes(size, "indexing")
	}
	return progressbar.DefaultBytesSilent(size, "indexing")
}
