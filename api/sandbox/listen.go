package sandbox

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"time"
)

// Listen serves the sandbox on addr (for example "127.0.0.1:0") until ctx
// ends, starts the living world (Start), and returns the base URL, such as
// "http://127.0.0.1:54321". An unspecified host (":8787", "0.0.0.0:8787")
// is reported as 127.0.0.1 so the URL is usable locally.
func (s *Server) Listen(ctx context.Context, addr string) (baseURL string, err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	base := "http://" + localAddr(ln.Addr())
	// Media URLs made before the first request (by a job finishing in the
	// background) use the bound address; requests then refine it.
	s.gen.base.CompareAndSwap(nil, &base)
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		MaxHeaderBytes:    64 << 10,
		IdleTimeout:       2 * time.Minute,
	}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			_ = ln.Close()
		}
	}()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if srv.Shutdown(shutdown) != nil {
			_ = srv.Close()
		}
	}()
	s.Start(ctx)
	return base, nil
}

// localAddr renders a listener address as host:port with a loopback host
// in place of an unspecified one.
func localAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	ip := tcp.IP
	if ip == nil || ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
	}
	return net.JoinHostPort(ip.String(), strconv.Itoa(tcp.Port))
}
