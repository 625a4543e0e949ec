package main

// This file serves a built site.

import (
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
)

// serve serves dir at addr until the process is interrupted (Ctrl-C or
// SIGTERM: it then returns nil, so the caller can remove dir). Files
// with a precompressed .gz beside them (contigo.wasm) are sent
// compressed to browsers that accept gzip.
func serve(dir, addr string, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "serving the course at http://%s/ (Ctrl-C stops)\n", ln.Addr())
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(stop)
	done := make(chan error, 1)
	go func() { done <- http.Serve(ln, siteHandler(dir)) }()
	select {
	case err := <-done:
		return err
	case <-stop:
		ln.Close()
		return nil
	}
}

func siteHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		name := filepath.Join(dir, filepath.FromSlash(filepath.Clean("/"+r.URL.Path)))
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			if f, err := os.Open(name + ".gz"); err == nil {
				defer f.Close()
				if st, err := f.Stat(); err == nil {
					w.Header().Set("Content-Encoding", "gzip")
					w.Header().Set("Vary", "Accept-Encoding")
					if t := mime.TypeByExtension(filepath.Ext(name)); t != "" {
						w.Header().Set("Content-Type", t)
					}
					http.ServeContent(w, r, "", st.ModTime(), f)
					return
				}
			}
		}
		files.ServeHTTP(w, r)
	})
}
