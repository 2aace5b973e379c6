package server

import (
	"context"
	"unicode"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/protoconv"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// GetEntity implements GazetteerService.GetEntity.
func (s *Server) GetEntity(ctx context.Context, req *pb.GetEntityRequest) (*pb.GetEntityResponse, error) {
	e, ok := s.engine().tagger.Gazetteer().Entity(req.GetId())
	if !ok {
		return nil, s.toStatus(notFound("id", "no entity with id %q", req.GetId()), "")
	}
	return &pb.GetEntityResponse{Entity: entityProto(e)}, nil
}

// SuggestEntities implements GazetteerService.SuggestEntities.
func (s *Server) SuggestEntities(ctx context.Context, req *pb.SuggestEntitiesRequest) (*pb.SuggestEntitiesResponse, error) {
	limit := int(req.GetLimit())
	switch {
	case limit == 0:
		limit = 10
	case limit < 0 || limit > 50:
		return nil, s.toStatus(invalid("limit", "must be between 1 and 50, not %d", limit), "")
	}
	if !hasLetter(req.GetPrefix()) {
		return nil, s.toStatus(invalid("prefix", "needs at least one letter"), "")
	}
	out := &pb.SuggestEntitiesResponse{}
	for _, sg := range s.engine().lookup().Suggest(req.GetPrefix(), limit, protoconv.Type(req.GetType())) {
		out.Suggestions = append(out.Suggestions, &pb.Suggestion{Entity: entityProto(sg.Entity), Matched: sg.Matched})
	}
	return out, nil
}

func entityProto(e *gazetteer.Entity) *pb.GazetteerEntity {
	p := &pb.GazetteerEntity{Id: e.ID(), Name: e.Name(), Type: protoconv.EntityType(e.Type),
		WikidataId: e.Wikidata(), ParentId: e.Parent(), Topics: e.Topics()}
	for _, a := range e.Aliases() {
		if a.Text != e.Name() {
			p.Aliases = append(p.Aliases, a.Text)
		}
	}
	return p
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// ReloadGazetteer implements AdminService.ReloadGazetteer.
func (s *Server) ReloadGazetteer(ctx context.Context, _ *pb.ReloadGazetteerRequest) (*pb.ReloadGazetteerResponse, error) {
	prev, cur, err := s.Reload()
	if err != nil {
		return nil, s.toStatus(err, "")
	}
	g := cur.tagger.Gazetteer()
	return &pb.ReloadGazetteerResponse{GazetteerVersion: g.Version,
		PreviousVersion: prev.tagger.Gazetteer().Version, Entities: int64(len(g.Entities))}, nil
}
