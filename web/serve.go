package main

// This file serves a built site.

import (
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// serve serves dir at addr until the process is stopped. Files with a
// precompressed .gz beside them (contigo.wasm) are sent compressed to
// browsers that accept gzip.
func serve(dir, addr string, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "serving the course at http://%s/\n", ln.Addr())
	return http.Serve(ln, siteHandler(dir))
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
