package server

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/schlagwort/schlagwort/internal/index"
	"github.com/schlagwort/schlagwort/internal/tagging"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// Retag implements AdminService.Retag. Without all, it re-tags articles
// whose stored version differs from the current one; each written batch
// takes them out of that set, so a second run continues where an
// interrupted one stopped. With all, the id reached is written with each
// batch (atomically) and a second run for the same version starts after it;
// a run that completes clears it, so the next --all starts over.
func (s *Server) Retag(req *pb.RetagRequest, stream pb.AdminService_RetagServer) error {
	ctx := stream.Context()
	size := int(req.GetBatchSize())
	switch {
	case size == 0:
		size = 1000
	case size < 0 || size > 1000:
		return s.toStatus(invalid("batch_size", "must be between 1 and 1000, not %d", size), "")
	}
	eng := s.engine()
	r := &retag{eng: eng, version: eng.tagger.Gazetteer().Version, dry: req.GetDryRun(),
		gained: map[string]int64{}, lost: map[string]int64{}}
	notVersion, markKey := r.version, ""
	if req.GetAll() {
		notVersion, markKey = "", "retag-all:"+r.version
	}
	after, before := "", int64(0)
	if markKey != "" && !r.dry {
		var err error
		if after, before, err = s.resumeAt(markKey); err != nil {
			return s.toStatus(err, "")
		}
	}
	for first := true; ; first = false {
		docs, total, err := s.index.Scan(ctx, notVersion, after, size)
		if err != nil {
			return s.toStatus(err, "")
		}
		if first {
			r.total = max(int64(total)-before, 0) // Total ignores search_after
		}
		if len(docs) == 0 {
			break
		}
		out, err := r.batch(docs)
		if err != nil {
			return s.toStatus(err, "")
		}
		after = docs[len(docs)-1].Article.ID
		if !r.dry {
			if markKey != "" {
				err = s.index.PutWithMark(markKey, after+"\t"+strconv.FormatInt(before+r.done, 10), out...)
			} else {
				err = s.index.Put(out...)
			}
			if err != nil {
				return s.toStatus(err, "")
			}
		}
		p := r.progress(false)
		s.obs.Retagged(p, r.dry)
		if err := stream.Send(p); err != nil {
			return err
		}
	}
	if markKey != "" && !r.dry {
		if err := s.index.ClearMark(markKey); err != nil { // done: a later --all starts over
			return s.toStatus(err, "")
		}
	}
	p := r.progress(true)
	s.obs.Retagged(p, r.dry)
	return stream.Send(p)
}

// resumeAt reads where an interrupted --all run stopped: the last id it
// wrote and how many articles it had re-tagged by then.
func (s *Server) resumeAt(key string) (after string, done int64, err error) {
	mark, err := s.index.Mark(key)
	if err != nil || mark == "" {
		return "", 0, err
	}
	after, n, _ := strings.Cut(mark, "\t")
	done, _ = strconv.ParseInt(n, 10, 64)
	return after, done, nil
}

// retag is the state of one Retag call.
type retag struct {
	eng                *engine
	version            string
	dry                bool
	total, done, moved int64
	gained, lost       map[string]int64
}

// batch re-tags docs and returns them with their new tags.
func (r *retag) batch(docs []*index.Stored) ([]*index.Stored, error) {
	for _, d := range docs {
		res, err := r.eng.tagger.Tag(&d.Article)
		if err != nil {
			return nil, err
		}
		g, l := diff(linked(d.Tags), linked(res))
		for _, id := range g {
			r.gained[id]++
		}
		for _, id := range l {
			r.lost[id]++
		}
		if len(g)+len(l) > 0 {
			r.moved++
		}
		d.Tags = res
		r.done++
	}
	return docs, nil
}

func (r *retag) progress(finished bool) *pb.RetagResponse {
	p := &pb.RetagResponse{Done: r.done, Total: r.total, Changed: r.moved, Finished: finished, GazetteerVersion: r.version}
	if !finished {
		return p
	}
	for id := range mergeKeys(r.gained, r.lost) {
		p.EntityChanges = append(p.EntityChanges, &pb.EntityChange{EntityId: id, Gained: r.gained[id], Lost: r.lost[id]})
	}
	slices.SortFunc(p.EntityChanges, func(a, b *pb.EntityChange) int {
		return cmp.Or(cmp.Compare(b.Gained+b.Lost, a.Gained+a.Lost), cmp.Compare(a.EntityId, b.EntityId))
	})
	return p
}

func mergeKeys(a, b map[string]int64) map[string]bool {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	return keys
}

// linked returns the sorted ids of the linked entities of r.
func linked(r tagging.Result) []string {
	var ids []string
	for _, e := range r.Entities {
		if !e.Candidate {
			ids = append(ids, e.ID)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// diff returns what is in b and not in a, and what is in a and not in b;
// both inputs sorted.
func diff(a, b []string) (gained, lost []string) {
	for _, id := range b {
		if _, found := slices.BinarySearch(a, id); !found {
			gained = append(gained, id)
		}
	}
	for _, id := range a {
		if _, found := slices.BinarySearch(b, id); !found {
			lost = append(lost, id)
		}
	}
	return gained, lost
}
