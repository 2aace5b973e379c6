package tagging

import (
	"errors"
	"fmt"
)

// Error codes; the server maps them to transport codes in one place.
const (
	EInvalid     = "invalid"     // bad input from the caller
	ENotFound    = "not_found"   // no such article or entity
	ETooLarge    = "too_large"   // input over a configured limit
	EUnavailable = "unavailable" // the operation is not possible in this configuration
	EInternal    = "internal"    // a bug or an environment failure

	EUnauthenticated = "unauthenticated" // no token, or one nobody was given
	EForbidden       = "forbidden"       // a token whose roles do not allow the call
)

// Error is a domain error with a machine-readable code and, for bad input,
// the field it concerns.
type Error struct {
	Code    string
	Field   string // the offending input field ("body", "line 7"), if any
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Errorf returns an *Error with the given code and field.
func Errorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EInternal
}
