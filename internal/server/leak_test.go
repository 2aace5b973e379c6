package server_test

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// TestDisconnectLeaksNothing: clients that vanish in the middle of a
// TagStream (with requests still in flight), each on a connection of its
// own that it then closes, leave no goroutines and no open files behind.
func TestDisconnectLeaksNothing(t *testing.T) {
	e := start(t, t.TempDir())
	art := readArticles(t)[0]
	streamOnce := func() {
		ctx, cancel := context.WithCancel(context.Background())
		conn, err := grpc.NewClient(e.conn.Target(), grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		s, err := pb.NewTaggingServiceClient(conn).TagStream(ctx)
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
	streamOnce() // warm up: server goroutines that stay
	base, baseFDs := settled(runtime.NumGoroutine), settled(openFiles)
	for range 20 {
		streamOnce()
	}
	if n := settled(runtime.NumGoroutine); n > base+2 {
		t.Errorf("%d goroutines after 20 abandoned streams, %d before", n, base)
	}
	if n := settled(openFiles); n > baseFDs+2 {
		t.Errorf("%d open files after 20 abandoned streams, %d before", n, baseFDs)
	}
}

// openFiles counts this process's open file descriptors (Linux).
func openFiles() int {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return 0
	}
	return len(fds)
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
