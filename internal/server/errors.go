package server

import (
	"context"
	"errors"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

var codeOf = map[string]codes.Code{
	tagging.EInvalid:     codes.InvalidArgument,
	tagging.ENotFound:    codes.NotFound,
	tagging.ETooLarge:    codes.ResourceExhausted,
	tagging.EInternal:    codes.Internal,
	tagging.EUnavailable: codes.FailedPrecondition,

	tagging.EUnauthenticated: codes.Unauthenticated,
	tagging.EForbidden:       codes.PermissionDenied,
}

// toStatus maps a domain error to a gRPC status; bad input carries a
// BadRequest detail naming the field (prefixed with the request path, e.g.
// "article.body"). Internal errors are logged and not shown to the caller.
func (s *Server) toStatus(err error, prefix string) error {
	if err == nil {
		return nil
	}
	switch {
	case errors.Is(err, context.Canceled):
		return status.Error(codes.Canceled, "canceled")
	case errors.Is(err, context.DeadlineExceeded):
		return status.Error(codes.DeadlineExceeded, "deadline exceeded")
	}
	var problems gazetteer.ErrorList
	if errors.As(err, &problems) {
		return gazetteerStatus(problems)
	}
	var e *tagging.Error
	if !errors.As(err, &e) || e.Code == tagging.EInternal {
		s.log.Error("internal error", "err", err)
		return status.Error(codes.Internal, "internal error; see the server log")
	}
	st := status.New(codeOf[e.Code], e.Error())
	if (e.Field != "" || prefix != "") && e.Code != tagging.ENotFound {
		field := joinField(prefix, e.Field)
		br := &errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{{Field: field, Description: e.Message}}}
		if d, derr := st.WithDetails(br); derr == nil {
			st = d
		}
	}
	return st.Err()
}

// gazetteerStatus rejects a gazetteer: FAILED_PRECONDITION with every
// problem as file:line in a PreconditionFailure detail.
func gazetteerStatus(problems gazetteer.ErrorList) error {
	st := status.New(codes.FailedPrecondition, "gazetteer rejected, the old one keeps serving:\n"+problems.Error())
	pf := &errdetails.PreconditionFailure{}
	for _, p := range problems {
		pf.Violations = append(pf.Violations, &errdetails.PreconditionFailure_Violation{
			Type: "GAZETTEER", Subject: p.Pos.String(), Description: p.Msg})
	}
	if d, err := st.WithDetails(pf); err == nil {
		st = d
	}
	return st.Err()
}

// invalid is a shorthand for a bad request field.
func invalid(field, format string, args ...any) error {
	return tagging.Errorf(tagging.EInvalid, field, format, args...)
}

func notFound(field, format string, args ...any) error {
	return tagging.Errorf(tagging.ENotFound, field, format, args...)
}

// joinField names a request field: "article" + "body" → "article.body";
// an error without a field concerns the prefix itself.
func joinField(prefix, field string) string {
	switch {
	case prefix == "":
		return field
	case field == "":
		return prefix
	}
	return prefix + "." + field
}
