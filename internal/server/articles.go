package server

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/schlagwort/schlagwort/internal/index"
	"github.com/schlagwort/schlagwort/internal/protoconv"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// GetArticle implements ArticleService.GetArticle.
func (s *Server) GetArticle(ctx context.Context, req *pb.GetArticleRequest) (*pb.GetArticleResponse, error) {
	if req.GetId() == "" {
		return nil, s.toStatus(invalid("id", "is empty"), "")
	}
	st, err := s.index.Get(req.GetId())
	if err != nil {
		return nil, s.toStatus(err, "")
	}
	return protoconv.Stored(&st.Article, &st.Tags, st.IndexedAt), nil
}

// DeleteArticle implements ArticleService.DeleteArticle.
func (s *Server) DeleteArticle(ctx context.Context, req *pb.DeleteArticleRequest) (*pb.DeleteArticleResponse, error) {
	if req.GetId() == "" {
		return nil, s.toStatus(invalid("id", "is empty"), "")
	}
	if err := s.index.Delete(req.GetId()); err != nil {
		return nil, s.toStatus(err, "")
	}
	return &pb.DeleteArticleResponse{}, nil
}

// SearchArticles implements ArticleService.SearchArticles.
func (s *Server) SearchArticles(ctx context.Context, req *pb.SearchArticlesRequest) (*pb.SearchArticlesResponse, error) {
	q, resolved, err := s.query(req)
	if err != nil {
		return nil, s.toStatus(err, "")
	}
	res, err := s.index.Search(ctx, q)
	if err != nil {
		return nil, s.toStatus(err, "")
	}
	out := &pb.SearchArticlesResponse{Total: int64(res.Total), ResolvedEntities: resolved, NextPageToken: pageToken(res.Next)}
	for _, h := range res.Hits {
		hit := &pb.SearchHit{ArticleId: h.ID, Title: h.Title, Section: h.Section, Score: h.Score,
			Snippets: h.Snippets, EntityIds: h.Entities, TopicIds: h.Topics}
		if !h.Published.IsZero() {
			hit.PublishedAt = timestamppb.New(h.Published)
		}
		out.Hits = append(out.Hits, hit)
	}
	for _, name := range []string{"entities", "topics", "sections"} {
		f := &pb.Facet{Field: name}
		for _, c := range res.Facets[name] {
			f.Values = append(f.Values, &pb.FacetValue{Value: c.Value, Count: int64(c.Count)})
		}
		out.Facets = append(out.Facets, f)
	}
	return out, nil
}

// query checks a search request and resolves entity names to ids.
func (s *Server) query(req *pb.SearchArticlesRequest) (*index.Query, map[string]string, error) {
	q := &index.Query{Text: req.GetQuery(), Topic: req.GetTopic(), Section: req.GetSection(),
		Author: req.GetAuthor(), ByDate: req.GetSort() == pb.SortOrder_SORT_ORDER_DATE,
		EntityType: protoconv.Type(req.GetEntityType()), Size: int(req.GetPageSize())}
	switch {
	case q.Size == 0:
		q.Size = 20
	case q.Size < 0 || q.Size > 100:
		return nil, nil, invalid("page_size", "must be between 1 and 100, not %d", q.Size)
	}
	if t := req.GetPublishedFrom(); t != nil {
		q.From = t.AsTime()
	}
	if t := req.GetPublishedTo(); t != nil {
		q.To = t.AsTime()
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return nil, nil, invalid("published_to", "must be after published_from (%s), is %s",
			q.From.Format(time.RFC3339), q.To.Format(time.RFC3339))
	}
	after, err := parsePageToken(req.GetPageToken())
	if err != nil {
		return nil, nil, err
	}
	q.After = after
	resolved := map[string]string{}
	eng := s.engine()
	if q.AllEntities, err = eng.resolve(req.GetAllEntities(), "all_entities", resolved); err != nil {
		return nil, nil, err
	}
	if q.AnyEntities, err = eng.resolve(req.GetAnyEntities(), "any_entities", resolved); err != nil {
		return nil, nil, err
	}
	return q, resolved, nil
}

// resolve turns entity ids or names into ids.
func (eng *engine) resolve(refs []string, field string, resolved map[string]string) ([]string, error) {
	var ids []string
	for _, ref := range refs {
		if _, ok := eng.tagger.Gazetteer().Entity(ref); ok {
			ids = append(ids, ref)
			continue
		}
		e, ok := eng.lookup().Resolve(ref)
		if !ok {
			return nil, invalid(field, "%q is neither an entity id nor a name the gazetteer knows", ref)
		}
		resolved[ref] = e.ID()
		ids = append(ids, e.ID())
	}
	return ids, nil
}

// A page token is the sort key of the last hit, so a page starts after it
// however many articles arrive meanwhile.
func pageToken(after []string) string {
	if len(after) == 0 {
		return ""
	}
	b, _ := json.Marshal(after)
	return base64.RawURLEncoding.EncodeToString(b)
}

func parsePageToken(tok string) ([]string, error) {
	if tok == "" {
		return nil, nil
	}
	var after []string
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err == nil {
		err = json.Unmarshal(b, &after)
	}
	if err != nil || len(after) == 0 {
		return nil, invalid("page_token", "is not a token from an earlier response")
	}
	return after, nil
}
