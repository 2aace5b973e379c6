// Package protoconv converts between the domain types and the
// schlagwort.v1 protobuf messages, and reads articles as protojson.
package protoconv

import (
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/schlagwort/schlagwort/internal/tagging"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// Article converts a protobuf article.
func Article(p *pb.Article) tagging.Article {
	a := tagging.Article{
		ID: p.GetId(), Title: p.GetTitle(), Body: p.GetBody(), Section: p.GetSection(),
		Authors: p.GetAuthors(), URL: p.GetUrl(),
	}
	if p.GetPublishedAt() != nil {
		a.PublishedAt = p.GetPublishedAt().AsTime()
	}
	return a
}

// ArticleProto converts a domain article.
func ArticleProto(a *tagging.Article) *pb.Article {
	p := &pb.Article{Id: a.ID, Title: a.Title, Body: a.Body, Section: a.Section, Authors: a.Authors, Url: a.URL}
	if !a.PublishedAt.IsZero() {
		p.PublishedAt = timestamppb.New(a.PublishedAt.In(time.UTC))
	}
	return p
}

// TagResponse converts a tagging result.
func TagResponse(r *tagging.Result) *pb.TagResponse {
	out := &pb.TagResponse{ArticleId: r.ArticleID, GazetteerVersion: r.GazetteerVersion}
	for i := range r.Entities {
		out.Entities = append(out.Entities, entity(&r.Entities[i]))
	}
	for _, t := range r.Topics {
		out.Topics = append(out.Topics, &pb.Topic{Id: t.ID, Label: t.Label, Score: t.Score, TopLevelId: t.TopLevelID, Evidence: t.Evidence})
	}
	return out
}

func entity(e *tagging.Entity) *pb.Entity {
	p := &pb.Entity{
		Id: e.ID, Name: e.Name, Type: entityType[e.Type], WikidataId: e.WikidataID,
		Candidate: e.Candidate, Salience: e.Salience, Confidence: round3(e.Confidence),
	}
	for _, m := range e.Mentions {
		p.Mentions = append(p.Mentions, &pb.Mention{
			Field: field[m.Field], Start: uint32(m.Start), End: uint32(m.End), Text: m.Text,
			Utf16Start: uint32(m.UTF16Start), Utf16End: uint32(m.UTF16End), Alias: m.Alias, Rule: m.Rule,
		})
	}
	return p
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

var entityType = map[tagging.Type]pb.EntityType{
	tagging.Person:       pb.EntityType_ENTITY_TYPE_PERSON,
	tagging.Location:     pb.EntityType_ENTITY_TYPE_LOCATION,
	tagging.Organization: pb.EntityType_ENTITY_TYPE_ORGANIZATION,
	tagging.Other:        pb.EntityType_ENTITY_TYPE_OTHER,
}

var field = map[tagging.Field]pb.Field{
	tagging.Title: pb.Field_FIELD_TITLE,
	tagging.Body:  pb.Field_FIELD_BODY,
}

// EntityType converts a domain type.
func EntityType(t tagging.Type) pb.EntityType { return entityType[t] }

// Type converts a protobuf entity type; unspecified and unknown values give
// tagging.Unknown.
func Type(t pb.EntityType) tagging.Type {
	for k, v := range entityType {
		if v == t {
			return k
		}
	}
	return tagging.Unknown
}

// Stored converts a stored article with its tags.
func Stored(a *tagging.Article, r *tagging.Result, indexedAt time.Time) *pb.GetArticleResponse {
	return &pb.GetArticleResponse{Article: ArticleProto(a), Tags: TagResponse(r), IndexedAt: timestamppb.New(indexedAt)}
}
