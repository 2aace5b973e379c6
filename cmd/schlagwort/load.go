package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"google.golang.org/grpc"
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/schlagwort/schlagwort/internal/loadgen"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// loadConfig is what "schlagwort load" is told.
type loadConfig struct {
	clientFlags
	duration, warmup time.Duration
	clients, conns   int
	size, check      int
	articles         string
	metricsURL       string
}

func (c *loadConfig) parse(env *env, args []string) error {
	fs := newFlagSet("load", env)
	c.clientFlags.Flags(fs)
	fs.DurationVar(&c.duration, "duration", 10*time.Second, "how long to measure")
	fs.DurationVar(&c.warmup, "warmup", 2*time.Second, "how long to call before measuring")
	fs.IntVar(&c.clients, "clients", 16, "concurrent callers, each waiting for its answer before the next call")
	fs.IntVar(&c.conns, "conns", 4, "gRPC connections the callers share")
	fs.IntVar(&c.size, "size", 3000, "bytes of title plus body per article")
	fs.StringVar(&c.articles, "articles", "testdata/sample.jsonl", "protojson Articles, one per line, whose text the load articles are made of")
	fs.IntVar(&c.check, "check-every", 50, "decode and check every Nth answer of each client (1: all)")
	fs.StringVar(&c.metricsURL, "metrics", "", "the server's Prometheus URL, to report its memory before and after")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.clients < 1 || c.conns < 1 || c.size < 100 || c.check < 1 || c.duration <= 0 || c.warmup < 0 {
		return fmt.Errorf("%w: load needs --clients ≥ 1, --conns ≥ 1, --size ≥ 100, --check-every ≥ 1, --duration > 0, --warmup ≥ 0", errUsage)
	}
	return nil
}

// runLoad implements "schlagwort load": it calls Tag (without storing) from
// --clients callers for --duration and reports throughput, latency
// percentiles, errors by code and the server's memory. It exits 1 if any
// call failed.
func runLoad(ctx context.Context, env *env, args []string) error {
	var c loadConfig
	if err := c.parse(env, args); err != nil {
		return err
	}
	arts, err := loadArticles(c.articles, c.size)
	if err != nil {
		return err
	}
	var conns []*grpc.ClientConn
	for range c.conns {
		conn, err := c.dial()
		if err != nil {
			return err
		}
		defer conn.Close()
		conns = append(conns, conn)
	}
	reqs := make([][]byte, len(arts))
	for i, a := range arts {
		if reqs[i], err = proto.Marshal(&pb.TagRequest{Article: a}); err != nil {
			return err
		}
	}
	counts := make([]int, c.clients)
	call := func(ctx context.Context, cl int) (int, error) {
		i := (cl + counts[cl]*c.clients) % len(reqs)
		counts[cl]++
		var resp rawMessage
		err := conns[cl%len(conns)].Invoke(ctx, pb.TaggingService_Tag_FullMethodName, &rawMessage{reqs[i]}, &resp, grpc.ForceCodecV2(rawCodec{}))
		if err == nil && counts[cl]%c.check == 0 {
			err = checkAnswer(resp.data, arts[i].Id)
		}
		return len(arts[i].Title) + len(arts[i].Body), err
	}
	class := func(err error) string {
		if errors.Is(err, errBadAnswer) {
			return "bad answer"
		}
		return status.Code(err).String()
	}
	before := c.memory(ctx)
	warm := loadgen.Run(ctx, c.clients, c.warmup, call, class)
	if n := warm.ErrorCount(); n > 0 && warm.Errors["Unavailable"] == n {
		return fmt.Errorf("load: server at %s unavailable", c.addr)
	}
	warmed := c.memory(ctx)
	r := loadgen.Run(ctx, c.clients, c.duration, call, class)
	after := c.memory(ctx)
	c.report(env, r, before, warmed, after)
	if r.ErrorCount() > 0 {
		return errReported
	}
	return nil
}

// rawMessage is a message already in wire format. The load generator
// marshals its requests once ahead and decodes only every --check-every-th
// answer, so that its own CPU goes into calls and the server, on the same
// two cores, gets the rest.
type rawMessage struct{ data []byte }

// rawCodec passes rawMessages through gRPC as they are.
type rawCodec struct{}

func (rawCodec) Marshal(v any) (mem.BufferSlice, error) {
	return mem.BufferSlice{mem.SliceBuffer(v.(*rawMessage).data)}, nil
}

func (rawCodec) Unmarshal(data mem.BufferSlice, v any) error {
	v.(*rawMessage).data = data.Materialize()
	return nil
}

func (rawCodec) Name() string { return "proto" }

// errBadAnswer classes answers that are not a TagResponse for the article.
var errBadAnswer = errors.New("bad answer")

// checkAnswer decodes an answer to Tag and checks it answers article id
// with a gazetteer version.
func checkAnswer(data []byte, id string) error {
	var r pb.TagResponse
	if err := proto.Unmarshal(data, &r); err != nil {
		return fmt.Errorf("%w for %s: %v", errBadAnswer, id, err)
	}
	if r.GetGazetteerVersion() == "" || r.GetArticleId() != id {
		return fmt.Errorf("%w for %s: article %q, gazetteer %q", errBadAnswer, id, r.GetArticleId(), r.GetGazetteerVersion())
	}
	return nil
}

func (c *loadConfig) report(env *env, r loadgen.Result, before, warmed, after string) {
	w := env.stdout
	fmt.Fprintf(w, "Tag over gRPC to %s: %d clients on %d connections, %d-byte articles, %s after %s warm-up (client GOMAXPROCS %d)\n",
		c.addr, c.clients, c.conns, c.size, c.duration, c.warmup, runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "calls     %d  (%.0f/s, %.1f MB/s of article text)\n", r.Calls, r.PerSecond(), float64(r.Bytes)/r.Elapsed.Seconds()/1e6)
	fmt.Fprintf(w, "errors    %d", r.ErrorCount())
	for code, n := range r.Errors {
		fmt.Fprintf(w, "  %s: %d", code, n)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "latency   p50 %s  p99 %s  p99.9 %s  max %s\n", ms(r.P50), ms(r.P99), ms(r.P999), ms(r.Max))
	if c.metricsURL != "" {
		fmt.Fprintf(w, "server    %s before, %s after warm-up, %s at the end\n", before, warmed, after)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/1e6) }

// memory reads the server's resident and Go heap memory from its metrics.
func (c *loadConfig) memory(ctx context.Context) string {
	if c.metricsURL == "" {
		return ""
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.metricsURL, nil)
	if err != nil {
		return "(" + err.Error() + ")"
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "(" + err.Error() + ")"
	}
	defer resp.Body.Close()
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		return "(metrics: " + err.Error() + ")"
	}
	gauge := func(name string) float64 {
		if f := fams[name]; f != nil && len(f.GetMetric()) > 0 {
			return f.GetMetric()[0].GetGauge().GetValue()
		}
		return 0
	}
	return fmt.Sprintf("RSS %.0f MB / heap in use %.0f MB", gauge("process_resident_memory_bytes")/1e6, gauge("go_memstats_heap_inuse_bytes")/1e6)
}

// loadArticles makes articles of about size bytes from the articles in
// file: each takes the title of one and fills its body from that article
// and the ones after it, cut at a word boundary.
func loadArticles(file string, size int) ([]*pb.Article, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("--articles: %w", err)
	}
	defer f.Close()
	var src []*pb.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for n := 1; sc.Scan(); n++ {
		a := &pb.Article{}
		if err := protojson.Unmarshal(sc.Bytes(), a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, n, err)
		}
		src = append(src, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(src) == 0 {
		return nil, fmt.Errorf("%s: no articles", file)
	}
	out := make([]*pb.Article, len(src))
	for i, a := range src {
		var body strings.Builder
		for j := i; body.Len()+len(a.Title) < size; j++ {
			body.WriteString(src[j%len(src)].Body)
			body.WriteString("\n\n")
		}
		out[i] = &pb.Article{Id: fmt.Sprintf("load-%d", i), Title: a.Title, Body: cutAtSpace(body.String(), max(size-len(a.Title), 0))}
	}
	return out, nil
}

// cutAtSpace cuts s to at most n bytes at the last space before n.
func cutAtSpace(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		return s[:i]
	}
	return s[:n]
}
