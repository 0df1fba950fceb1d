package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"

	gossh "golang.org/x/crypto/ssh"

	"workshop/session/metrics"
)

const steps = 3

// floor is the server: its cohorts ("rooms") by join code.
type floor struct {
	mu    sync.Mutex
	rooms map[string]*room
	mx    *metrics.Metrics
}

func (f *floor) room(code string) *room {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rooms[code]
}

// command answers the facilitator commands the load tool uses.
func (f *floor) command(line string) (string, int) {
	a := strings.Fields(line)
	if len(a) >= 2 && a[0] == "cohort" && a[1] == "create" {
		f.mu.Lock()
		defer f.mu.Unlock()
		code := fmt.Sprintf("FLOOR%d", len(f.rooms)+1)
		f.rooms[code] = &room{code: code, step: 1, screens: map[*screen]struct{}{}, mx: f.mx}
		return "Created a floor cohort.\n" + code + "\n", 0
	}
	if len(a) >= 2 {
		if r := f.room(a[1]); r != nil {
			return r.command(a)
		}
	}
	return "error: the floor knows cohort create, and step and roster of a cohort it made\n", 1
}

// room is one cohort: the step everyone is on and who is on the step screen.
type room struct {
	code      string
	mu        sync.Mutex
	step      int
	screens   map[*screen]struct{}
	submitted int
	mx        *metrics.Metrics
}

// screen is one participant's session; wake holds "the step changed" for its writer.
type screen struct {
	mu   sync.Mutex // one write at a time
	ch   gossh.Channel
	wake chan struct{}
}

func (s *screen) write(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _ = s.ch.Write([]byte(text))
}

func stepLine(n int) string { return fmt.Sprintf("Step %d of %d — Floor step %d", n, steps, n) }

func (r *room) move(arg string) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	to := r.step
	switch arg {
	case "next":
		to++
	case "prev":
		to--
	default:
		n, err := strconv.Atoi(arg)
		if err != nil {
			return 0, fmt.Errorf("%q is not a step", arg)
		}
		to = n
	}
	if to < 1 || to > steps {
		return 0, fmt.Errorf("step %d does not exist", to)
	}
	r.step = to
	r.mx.Published()
	for s := range r.screens {
		r.mx.Delivered()
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
	return to, nil
}

// command answers `step CODE next|prev|N` and `roster CODE`.
func (r *room) command(f []string) (string, int) {
	switch {
	case len(f) == 3 && f[0] == "step":
		n, err := r.move(f[2])
		if err != nil {
			return "error: " + err.Error() + "\n", 1
		}
		return fmt.Sprintf("%s is on s%s\n", r.code, stepLine(n)[1:]), 0
	case len(f) >= 2 && f[0] == "roster":
		r.mu.Lock()
		defer r.mu.Unlock()
		b, _ := json.Marshal(map[string]int{"submitted": r.submitted, "total": len(r.screens)})
		return string(b) + "\n", 0
	}
	return "error: unknown command\n", 1
}

// participant walks the lobby (a name, then the code to keep), then shows the step screen and
// redraws its title line whenever the room moves.
func (r *room) participant(ch gossh.Channel) {
	defer r.mx.SessionOpened()()
	s := &screen{ch: ch, wake: make(chan struct{}, 1)}
	s.write("\x1b[2J\x1b[HFloor\r\nWhat name should others see?\r\n")
	buf := make([]byte, 1024)
	stage, done := 0, false
	defer func() {
		r.mu.Lock()
		delete(r.screens, s)
		r.mu.Unlock()
		close(s.wake)
	}()
	for {
		n, err := ch.Read(buf)
		if err != nil {
			return
		}
		in := string(buf[:n])
		switch {
		case stage == 0 && strings.Contains(in, "\r"):
			stage = 1
			s.write("\x1b[2J\x1b[HKeep this code: FLOR-0001. Press enter.\r\n")
		case stage == 1 && strings.Contains(in, "\r"):
			stage = 2
			r.mu.Lock()
			s.write("\x1b[2J\x1b[HFloor\r\n" + stepLine(r.step) + "\r\nNot started · ctrl+s submits")
			r.screens[s] = struct{}{}
			r.mu.Unlock()
			go func() {
				for range s.wake {
					r.mu.Lock()
					step := r.step
					r.mu.Unlock()
					s.write("\x1b[2;1H" + stepLine(step) + "\x1b[K")
					r.mx.Rendered()
				}
			}()
		case stage == 2 && strings.Contains(in, "\x13"):
			if !done {
				done = true
				r.mu.Lock()
				r.submitted++
				r.mu.Unlock()
			}
			s.write("\x1b[3;1H✓ Submitted\x1b[K")
		case stage == 2 && in[0] >= ' ':
			s.write("\x1b[3;1HDraft saved · ctrl+s submits\x1b[K")
		}
	}
}

func (f *floor) session(user string, nc gossh.NewChannel) {
	ch, reqs, err := nc.Accept()
	if err != nil {
		return
	}
	defer func() { _ = ch.Close() }() // the session is over either way
	for req := range reqs {
		switch req.Type {
		case "pty-req", "env", "window-change":
			_ = req.Reply(req.Type != "window-change", nil)
		case "shell":
			r := f.room(user) // CODE@host
			_ = req.Reply(r != nil, nil)
			if r == nil {
				return
			}
			go gossh.DiscardRequests(reqs)
			r.participant(ch)
			return
		case "exec":
			var cmd struct{ Line string }
			_ = gossh.Unmarshal(req.Payload, &cmd)
			_ = req.Reply(true, nil)
			out, code := f.command(cmd.Line)
			if code == 0 {
				_, _ = ch.Write([]byte(out))
			} else {
				_, _ = ch.Stderr().Write([]byte(out))
			}
			_, _ = ch.SendRequest("exit-status", false, gossh.Marshal(struct{ Code uint32 }{uint32(code)}))
			return
		default:
			_ = req.Reply(false, nil)
		}
	}
}

func main() {
	listen := flag.String("listen", "127.0.0.1:2312", "SSH address (loopback)")
	debug := flag.String("debug-addr", "", "serve /debug/vars on this loopback address")
	flag.Parse()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		log.Fatal(err)
	}
	hostKey, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		log.Fatal(err)
	}
	cfg := &gossh.ServerConfig{NoClientAuth: true} // anyone, as workshop lets keyless people in
	cfg.AddHostKey(hostKey)
	f := &floor{rooms: map[string]*room{}, mx: metrics.New()}
	if *debug != "" {
		mux := http.NewServeMux()
		mux.Handle("/debug/vars", metrics.Handler(f.mx, func() int { f.mu.Lock(); defer f.mu.Unlock(); return len(f.rooms) }))
		go func() { log.Fatal(http.ListenAndServe(*debug, mux)) }()
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("floor listening on %s", ln.Addr())
	for {
		c, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go func() {
			sc, chans, reqs, err := gossh.NewServerConn(c, cfg)
			if err != nil {
				_ = c.Close() // a failed handshake: nothing to keep
				return
			}
			go gossh.DiscardRequests(reqs)
			for nc := range chans {
				if nc.ChannelType() != "session" {
					_ = nc.Reject(gossh.UnknownChannelType, "sessions only")
					continue
				}
				go f.session(sc.User(), nc)
			}
		}()
	}
}
