// Package metrics exports the server's metrics to Prometheus: gRPC calls
// (counts, codes, latency histograms) through the go-grpc-middleware
// provider, and what the server does (articles tagged, entities per
// article, gazetteer, index size, re-tag progress) through client_golang.
// It implements server.Observer.
package metrics

import (
	"net/http"
	"strconv"

	grpcprom "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"google.golang.org/grpc"

	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// State reads what the server holds now; it is called on every scrape.
type State struct {
	Gazetteer func() (version string, entities int)
	Documents func() (uint64, error)
}

// Metrics holds the collectors, registered on a registry of their own.
type Metrics struct {
	reg      *prometheus.Registry
	grpc     *grpcprom.ServerMetrics
	tagged   *prometheus.CounterVec
	entities prometheus.Histogram
	retag    *prometheus.GaugeVec
	finished prometheus.Gauge
}

// latency buckets, in seconds: Tag takes about a millisecond, searches
// tens, a Retag stream minutes.
var latency = []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10, 60, 600}

// New returns the metrics, with Go runtime and process collectors (memory,
// CPU, open files) and the state collector over st.
func New(st State) *Metrics {
	m := &Metrics{
		reg:  prometheus.NewRegistry(),
		grpc: grpcprom.NewServerMetrics(grpcprom.WithServerHandlingTimeHistogram(grpcprom.WithHistogramBuckets(latency))),
		tagged: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "schlagwort_articles_tagged_total",
			Help: "Articles tagged by Tag and TagStream, by whether they were stored.",
		}, []string{"stored"}),
		entities: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "schlagwort_entities_per_article",
			Help:    "Linked entities per tagged article.",
			Buckets: []float64{0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89},
		}),
		retag: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "schlagwort_retag_articles",
			Help: "Progress of the latest Retag call: articles to do (total), done and changed so far.",
		}, []string{"count", "dry_run"}),
		finished: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "schlagwort_retag_last_finished_timestamp_seconds",
			Help: "When the latest Retag call that ran to the end finished.",
		}),
	}
	m.reg.MustRegister(m.grpc, m.tagged, m.entities, m.retag, m.finished, newState(st),
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Unary and Stream count and time every call.
func (m *Metrics) Unary() grpc.UnaryServerInterceptor   { return m.grpc.UnaryServerInterceptor() }
func (m *Metrics) Stream() grpc.StreamServerInterceptor { return m.grpc.StreamServerInterceptor() }

// Init zeroes the call counters of every method of g so that they show
// before the first call.
func (m *Metrics) Init(g *grpc.Server) { m.grpc.InitializeMetrics(g) }

// Handler serves the metrics in the Prometheus text format. A metric that
// cannot be read (the index count, say) is left out and the rest served.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg, ErrorHandling: promhttp.ContinueOnError})
}

// Tagged counts one tagged article.
func (m *Metrics) Tagged(entities int, stored bool) {
	m.tagged.WithLabelValues(strconv.FormatBool(stored)).Inc()
	m.entities.Observe(float64(entities))
}

// Retagged records the progress of a Retag call.
func (m *Metrics) Retagged(p *pb.RetagResponse, dryRun bool) {
	d := strconv.FormatBool(dryRun)
	m.retag.WithLabelValues("total", d).Set(float64(p.GetTotal()))
	m.retag.WithLabelValues("done", d).Set(float64(p.GetDone()))
	m.retag.WithLabelValues("changed", d).Set(float64(p.GetChanged()))
	if p.GetFinished() {
		m.finished.SetToCurrentTime()
	}
}

// state collects the gazetteer and index figures at scrape time.
type state struct {
	st                  State
	info, entities, doc *prometheus.Desc
}

func newState(st State) *state {
	return &state{
		st:       st,
		info:     prometheus.NewDesc("schlagwort_gazetteer_info", "The gazetteer serving now; always 1.", []string{"version"}, nil),
		entities: prometheus.NewDesc("schlagwort_gazetteer_entities", "Entities in the gazetteer serving now.", nil, nil),
		doc:      prometheus.NewDesc("schlagwort_index_documents", "Articles in the index.", nil, nil),
	}
}

func (s *state) Describe(ch chan<- *prometheus.Desc) {
	ch <- s.info
	ch <- s.entities
	ch <- s.doc
}

func (s *state) Collect(ch chan<- prometheus.Metric) {
	v, n := s.st.Gazetteer()
	ch <- prometheus.MustNewConstMetric(s.info, prometheus.GaugeValue, 1, v)
	ch <- prometheus.MustNewConstMetric(s.entities, prometheus.GaugeValue, float64(n))
	docs, err := s.st.Documents()
	if err != nil {
		ch <- prometheus.NewInvalidMetric(s.doc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(s.doc, prometheus.GaugeValue, float64(docs))
}
