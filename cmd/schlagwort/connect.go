package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"net"
	"os"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/schlagwort/schlagwort/internal/access"
	"github.com/schlagwort/schlagwort/internal/server"
)

// clientFlags are the connection flags of the commands that call a server.
type clientFlags struct {
	addr, token               string
	tls                       bool
	ca, cert, key, serverName string
}

func (c *clientFlags) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.addr, "addr", "127.0.0.1:7410", "server address")
	fs.StringVar(&c.token, "token", "", "bearer token (default $SCHLAGWORT_TOKEN)")
	fs.BoolVar(&c.tls, "tls", false, "connect with TLS, trusting the system's CAs (implied by the other --tls flags)")
	fs.StringVar(&c.ca, "tls-ca", "", "PEM file of the CA that signed the server's certificate")
	fs.StringVar(&c.cert, "tls-cert", "", "PEM client certificate, for a server that asks for one (mutual TLS)")
	fs.StringVar(&c.key, "tls-key", "", "PEM key of --tls-cert")
	fs.StringVar(&c.serverName, "tls-server-name", "", "name to check the server's certificate against (default: the host in --addr)")
}

// dial connects to the server; the connection is made on the first call.
func (c *clientFlags) dial() (*grpc.ClientConn, error) {
	creds, err := c.credentials()
	if err != nil {
		return nil, err
	}
	opts := []grpc.DialOption{grpc.WithTransportCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.MaxCallSendMsgSize(server.MaxMessageBytes))}
	tok := c.token
	if tok == "" {
		tok = os.Getenv("SCHLAGWORT_TOKEN")
	}
	if tok != "" {
		plain := creds.Info().SecurityProtocol == "insecure"
		if plain && !loopback(c.addr) {
			return nil, fmt.Errorf("%w: refusing to send a token in clear text to %s; connect with --tls or --tls-ca", errUsage, c.addr)
		}
		opts = append(opts, grpc.WithPerRPCCredentials(bearer{token: tok, tls: !plain}))
	}
	conn, err := grpc.NewClient(c.addr, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", c.addr, err)
	}
	return conn, nil
}

func (c *clientFlags) credentials() (credentials.TransportCredentials, error) {
	if !c.tls && c.ca == "" && c.cert == "" && c.key == "" && c.serverName == "" {
		return insecure.NewCredentials(), nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: c.serverName}
	if c.ca != "" {
		pool, err := certPool(c.ca)
		if err != nil {
			return nil, err
		}
		cfg.RootCAs = pool
	}
	if (c.cert == "") != (c.key == "") {
		return nil, fmt.Errorf("%w: --tls-cert and --tls-key go together", errUsage)
	}
	if c.cert != "" {
		pair, err := tls.LoadX509KeyPair(c.cert, c.key)
		if err != nil {
			return nil, fmt.Errorf("--tls-cert %s, --tls-key %s: %w", c.cert, c.key, err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	return credentials.NewTLS(cfg), nil
}

// bearer sends the token as "authorization: Bearer TOKEN" with every call.
type bearer struct {
	token string
	tls   bool
}

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + b.token}, nil
}

// RequireTransportSecurity is false only for a plaintext connection to a
// loopback address, checked in dial.
func (b bearer) RequireTransportSecurity() bool { return b.tls }

// serverFlags are the security flags of serve.
type serverFlags struct {
	tokens              string
	noAuth              bool
	cert, key, clientCA string
}

func (s *serverFlags) Flags(fs *flag.FlagSet) {
	fs.StringVar(&s.tokens, "tokens", "", `file of bearer tokens, one "NAME ROLES TOKEN" per line (default: the same lines in $SCHLAGWORT_TOKENS)`)
	fs.BoolVar(&s.noAuth, "insecure-no-auth", false, "allow serving a non-loopback address without tokens")
	fs.StringVar(&s.cert, "tls-cert", "", "PEM certificate (chain) to serve TLS with")
	fs.StringVar(&s.key, "tls-key", "", "PEM key of --tls-cert")
	fs.StringVar(&s.clientCA, "tls-client-ca", "", "PEM CA file; clients must present a certificate it signed (mutual TLS)")
}

// Tokens reads the tokens file, or $SCHLAGWORT_TOKENS (lines, or entries
// separated by ";"). Neither given: nil, no access control. Given but
// holding no token: an error, for that would turn access control off.
func (s *serverFlags) Tokens() (*access.Tokens, error) {
	var (
		t    *access.Tokens
		err  error
		name = s.tokens
	)
	switch v := os.Getenv("SCHLAGWORT_TOKENS"); {
	case s.tokens != "":
		f, ferr := os.Open(s.tokens)
		if ferr != nil {
			return nil, fmt.Errorf("--tokens: %w", ferr)
		}
		defer f.Close()
		t, err = access.Parse(s.tokens, f)
	case v != "":
		name = "$SCHLAGWORT_TOKENS"
		t, err = access.Parse(name, strings.NewReader(strings.ReplaceAll(v, ";", "\n")))
	default:
		return nil, nil
	}
	if err == nil && t.Len() == 0 {
		err = fmt.Errorf("%s: no tokens in it; give at least one, or none of --tokens and $SCHLAGWORT_TOKENS to serve on loopback without access control", name)
	}
	return t, err
}

// TLS returns the server's TLS configuration, nil without --tls-cert.
func (s *serverFlags) TLS() (*tls.Config, error) {
	if s.cert == "" && s.key == "" {
		if s.clientCA != "" {
			return nil, fmt.Errorf("%w: --tls-client-ca needs --tls-cert and --tls-key", errUsage)
		}
		return nil, nil
	}
	if s.cert == "" || s.key == "" {
		return nil, fmt.Errorf("%w: --tls-cert and --tls-key go together", errUsage)
	}
	pair, err := tls.LoadX509KeyPair(s.cert, s.key)
	if err != nil {
		return nil, fmt.Errorf("--tls-cert %s, --tls-key %s: %w", s.cert, s.key, err)
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{pair}}
	if s.clientCA != "" {
		pool, err := certPool(s.clientCA)
		if err != nil {
			return nil, err
		}
		cfg.ClientCAs, cfg.ClientAuth = pool, tls.RequireAndVerifyClientCert
	}
	return cfg, nil
}

func certPool(file string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s: no PEM certificate in it", file)
	}
	return pool, nil
}

// loopback reports whether addr's host is a loopback address or
// "localhost".
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
