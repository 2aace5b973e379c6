package server

import (
	"strings"
	"testing"

	"google.golang.org/grpc"
)

// TestEveryMethodHasAPermission: a new RPC must be given its permission in
// needs, not fall through to the admin default unnoticed.
func TestEveryMethodHasAPermission(t *testing.T) {
	g := grpc.NewServer()
	(&Server{}).Register(g)
	n := 0
	for svc, info := range g.GetServiceInfo() {
		for _, m := range info.Methods {
			full := "/" + svc + "/" + m.Name
			if !strings.HasPrefix(full, "/schlagwort.v1.") {
				continue
			}
			n++
			if _, ok := needs[full]; !ok {
				t.Errorf("%s has no entry in needs", full)
			}
		}
	}
	if n != len(needs) {
		t.Errorf("%d methods registered, %d in needs", n, len(needs))
	}
}
