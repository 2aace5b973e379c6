package server

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"

	"github.com/schlagwort/schlagwort/internal/access"
	"github.com/schlagwort/schlagwort/internal/tagging"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// needs maps every RPC of the services to the permission it needs. Storing
// an article (store = true in Tag and TagStream) needs access.Index on top.
// Health checks need no token; reflection needs any valid token; a method
// missing here needs access.Admin.
var needs = map[string]access.Permission{
	pb.TaggingService_Tag_FullMethodName:               access.Tag,
	pb.TaggingService_TagStream_FullMethodName:         access.Tag,
	pb.ArticleService_GetArticle_FullMethodName:        access.Read,
	pb.ArticleService_SearchArticles_FullMethodName:    access.Read,
	pb.ArticleService_DeleteArticle_FullMethodName:     access.Index,
	pb.GazetteerService_GetEntity_FullMethodName:       access.Read,
	pb.GazetteerService_SuggestEntities_FullMethodName: access.Read,
	pb.AdminService_ReloadGazetteer_FullMethodName:     access.Admin,
	pb.AdminService_Retag_FullMethodName:               access.Admin,
}

const (
	healthPrefix     = "/grpc.health.v1."
	reflectionPrefix = "/grpc.reflection."
)

// authorizer checks bearer tokens in the "authorization" metadata.
type authorizer struct {
	tokens *access.Tokens
	s      *Server
}

// need returns what a call of method needs, and whether it needs a token
// at all.
func need(method string) (access.Permission, bool) {
	switch {
	case strings.HasPrefix(method, healthPrefix):
		return 0, false
	case strings.HasPrefix(method, reflectionPrefix):
		return 0, true
	}
	if p, ok := needs[method]; ok {
		return p, true
	}
	return access.Admin, true
}

// check authenticates the caller of ctx and checks it may do p by method;
// it returns the caller.
func (a *authorizer) check(ctx context.Context, method string, p access.Permission) (access.Caller, error) {
	c, err := a.caller(ctx)
	if err != nil {
		a.s.log.Warn("access denied", "method", method, "peer", peerAddr(ctx), "err", err.Error())
		return c, err
	}
	return c, a.allow(ctx, c, method, p)
}

// allow checks that the authenticated caller c may do p by method.
func (a *authorizer) allow(ctx context.Context, c access.Caller, method string, p access.Permission) error {
	if c.Can(p) {
		return nil
	}
	a.s.log.Warn("access denied", "method", method, "peer", peerAddr(ctx), "caller", c.Name, "needs", p.String())
	return tagging.Errorf(tagging.EForbidden, "", "token %q (role %s) may not %s; that needs role %s",
		c.Name, strings.Join(c.Roles, ","), p, access.RoleFor(p))
}

// caller returns the holder of the bearer token in ctx. The token itself is
// never logged or echoed.
func (a *authorizer) caller(ctx context.Context) (access.Caller, error) {
	vals := metadata.ValueFromIncomingContext(ctx, "authorization")
	if len(vals) == 0 {
		return access.Caller{}, tagging.Errorf(tagging.EUnauthenticated, "", "missing bearer token: send metadata \"authorization: Bearer TOKEN\"")
	}
	scheme, tok, ok := strings.Cut(vals[0], " ")
	if !ok || !strings.EqualFold(scheme, "bearer") || len(vals) > 1 {
		return access.Caller{}, tagging.Errorf(tagging.EUnauthenticated, "", "authorization metadata must be one \"Bearer TOKEN\"")
	}
	c, ok := a.tokens.Authenticate(strings.TrimSpace(tok))
	if !ok {
		return access.Caller{}, tagging.Errorf(tagging.EUnauthenticated, "", "unknown bearer token")
	}
	return c, nil
}

func (a *authorizer) unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	p, ok := need(info.FullMethod)
	if !ok {
		return h(ctx, req)
	}
	if r, isTag := req.(*pb.TagRequest); isTag && r.GetStore() {
		p |= access.Index
	}
	if _, err := a.check(ctx, info.FullMethod, p); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

func (a *authorizer) stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	p, ok := need(info.FullMethod)
	if !ok {
		return h(srv, ss)
	}
	c, err := a.check(ss.Context(), info.FullMethod, p)
	if err != nil {
		return err
	}
	if !c.Can(access.Index) {
		ss = &noStore{ServerStream: ss, a: a, caller: c, method: info.FullMethod}
	}
	return h(srv, ss)
}

// noStore refuses stream messages that ask to store an article, for a
// caller who may tag but not index. The stream ends with that error after
// the answers to the requests before it.
type noStore struct {
	grpc.ServerStream
	a      *authorizer
	caller access.Caller
	method string
}

func (n *noStore) RecvMsg(m any) error {
	if err := n.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if r, ok := m.(*pb.TagStreamRequest); ok && r.GetStore() {
		return n.a.s.toStatus(n.a.allow(n.Context(), n.caller, n.method, access.Tag|access.Index), "")
	}
	return nil
}

func peerAddr(ctx context.Context) string {
	if p, ok := peer.FromContext(ctx); ok && p.Addr != nil {
		return p.Addr.String()
	}
	return ""
}
