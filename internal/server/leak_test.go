package server_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// TestDisconnectLeaksNothing: clients that vanish in the middle of a
// TagStream (with requests still in flight) leave no goroutines behind.
func TestDisconnectLeaksNothing(t *testing.T) {
	e := start(t, t.TempDir())
	art := readArticles(t)[0]
	streamOnce := func() {
		ctx, cancel := context.WithCancel(context.Background())
		s, err := e.tags.TagStream(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for range 20 {
			if s.Send(&pb.TagStreamRequest{Article: art}) != nil {
				break
			}
		}
		s.Recv()
		cancel() // the client goes away with responses unread
	}
	streamOnce() // warm up: connection and server goroutines that stay
	base := settled(runtime.NumGoroutine)
	for range 20 {
		streamOnce()
	}
	if n := settled(runtime.NumGoroutine); n > base+2 {
		t.Errorf("%d goroutines after 20 abandoned streams, %d before", n, base)
	}
}

// settled returns count() once it stops falling, waiting up to 5 s.
func settled(count func() int) int {
	n := count()
	for range 50 {
		time.Sleep(100 * time.Millisecond)
		m := count()
		if m >= n {
			return m
		}
		n = m
	}
	return n
}
