package polish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// client calls the chat completions endpoint. go-openai has no retries
// and hides response headers, so a RoundTripper records Retry-After and
// the backoff is done here.
type client struct {
	cfg Config
}

func newClient(cfg Config) *client { return &client{cfg: cfg} }

type answer struct {
	Text      string `json:"text"`
	TokensIn  int    `json:"tokens_in"`
	TokensOut int    `json:"tokens_out"`
}

// retryAfter remembers the Retry-After of the last response of one call.
type retryAfter struct {
	base http.RoundTripper
	now  func() time.Time
	mu   sync.Mutex
	wait time.Duration
}

func (r *retryAfter) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.base.RoundTrip(req)
	if err == nil {
		resp.Body = &cappedBody{rc: resp.Body, left: MaxReply}
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), r.now()); ok {
			r.mu.Lock()
			r.wait = d
			r.mu.Unlock()
		}
	}
	return resp, err
}

func (r *retryAfter) take() time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	d := r.wait
	r.wait = 0
	return d
}

// parseRetryAfter reads seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d, true
		}
		return 0, true
	}
	return 0, false
}

// MaxReply caps the bytes read of one response: a section is at most
// 64 KB, so a larger answer is no rewording of it, and reading it whole
// would cost memory for nothing.
const MaxReply = 1 << 20

var errTooLarge = fmt.Errorf("the answer is larger than %d KiB: not read", MaxReply>>10)

// cappedBody reads at most left bytes, then fails.
type cappedBody struct {
	rc   io.ReadCloser
	left int64
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more says whether the body ends here.
		var one [1]byte
		n, err := b.rc.Read(one[:])
		if n > 0 {
			return 0, errTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *cappedBody) Close() error { return b.rc.Close() }

// MaxBackoff caps one wait between retries, Retry-After included.
const MaxBackoff = 30 * time.Second

// complete makes one chat completion, retrying 429, 5xx and network
// errors with exponential backoff and full jitter (or the server's
// Retry-After), never other 4xx. It returns the answer and the attempts.
func (c *client) complete(ctx context.Context, system, user string) (answer, int, error) {
	base := c.cfg.HTTPClient.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	ra := &retryAfter{base: base, now: c.cfg.Now}
	hc := *c.cfg.HTTPClient
	hc.Transport = ra
	oc := openai.DefaultConfig(c.cfg.APIKey)
	if c.cfg.BaseURL != "" {
		oc.BaseURL = strings.TrimRight(c.cfg.BaseURL, "/")
	}
	oc.HTTPClient = &hc
	api := openai.NewClientWithConfig(oc)
	req := openai.ChatCompletionRequest{
		Model:       c.cfg.Model,
		Temperature: c.cfg.Temperature,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: system},
			{Role: openai.ChatMessageRoleUser, Content: user},
		},
	}
	var last error
	attempt := 1
	for ; ; attempt++ {
		callCtx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
		var ans answer
		var err error
		if c.cfg.Stream {
			ans, err = stream(callCtx, api, req)
		} else {
			ans, err = once(callCtx, api, req)
		}
		cancel()
		if err == nil {
			return ans, attempt, nil
		}
		last = err
		if ctx.Err() != nil {
			return answer{}, attempt, fmt.Errorf("%w (after %d attempts: %v)", ctx.Err(), attempt, describe(err))
		}
		if !retryable(err) || attempt > c.cfg.MaxRetries {
			break
		}
		wait := ra.take()
		if wait == 0 {
			// 0.5 s, 1 s, 2 s, ... with full jitter, so parallel calls
			// that failed together do not retry together.
			ceil := 500 * time.Millisecond << (attempt - 1)
			wait = time.Duration(rand.Int64N(int64(ceil)) + int64(ceil)/2)
		}
		wait = min(wait, MaxBackoff)
		if err := c.cfg.Sleep(ctx, wait); err != nil {
			return answer{}, attempt, err
		}
	}
	// attempt is the number of requests really sent: a 400 sent once is 1.
	return answer{}, attempt, errors.New(describe(last))
}

func once(ctx context.Context, api *openai.Client, req openai.ChatCompletionRequest) (answer, error) {
	resp, err := api.CreateChatCompletion(ctx, req)
	if err != nil {
		return answer{}, err
	}
	if len(resp.Choices) == 0 || strings.TrimSpace(resp.Choices[0].Message.Content) == "" {
		return answer{}, errEmpty
	}
	if fr := resp.Choices[0].FinishReason; fr != openai.FinishReasonStop {
		return answer{}, finishError(string(fr))
	}
	return answer{Text: resp.Choices[0].Message.Content, TokensIn: resp.Usage.PromptTokens, TokensOut: resp.Usage.CompletionTokens}, nil
}

func stream(ctx context.Context, api *openai.Client, req openai.ChatCompletionRequest) (answer, error) {
	req.Stream = true
	req.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
	st, err := api.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return answer{}, err
	}
	defer st.Close()
	var b strings.Builder
	var ans answer
	finish := ""
	for {
		chunk, err := st.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return answer{}, fmt.Errorf("stream broken after %d bytes: %w", b.Len(), err)
		}
		for _, ch := range chunk.Choices {
			b.WriteString(ch.Delta.Content)
			if ch.FinishReason != "" {
				finish = string(ch.FinishReason)
			}
		}
		if chunk.Usage != nil {
			ans.TokensIn, ans.TokensOut = chunk.Usage.PromptTokens, chunk.Usage.CompletionTokens
		}
	}
	if b.Len() == 0 {
		return answer{}, errEmpty
	}
	if finish == "" {
		return answer{}, errTruncated
	}
	if finish != string(openai.FinishReasonStop) {
		return answer{}, finishError(finish)
	}
	ans.Text = b.String()
	return ans, nil
}

// errUnfinished is an answer the model did not finish: cut by the token
// limit ("length"), filtered, or a tool call. It is never retried: the
// same request would end the same way.
var errUnfinished = errors.New("the answer is unfinished")

func finishError(reason string) error {
	if reason == "" {
		reason = "none"
	}
	return fmt.Errorf("%w: finish_reason %q, not \"stop\"", errUnfinished, reason)
}

var (
	errEmpty     = errors.New("the answer has no text")
	errTruncated = errors.New("the stream ended before the answer was finished")
)

// status returns the HTTP status of an API error, or 0. A non-OpenAI
// error body comes as a *RequestError wrapping an empty *APIError, so
// RequestError is checked first.
func status(err error) int {
	var re *openai.RequestError
	if errors.As(err, &re) && re.HTTPStatusCode != 0 {
		return re.HTTPStatusCode
	}
	var ae *openai.APIError
	if errors.As(err, &ae) {
		return ae.HTTPStatusCode
	}
	return 0
}

func retryable(err error) bool {
	if errors.Is(err, errEmpty) || errors.Is(err, errUnfinished) || errors.Is(err, errTooLarge) {
		return false
	}
	if errors.Is(err, errTruncated) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	switch s := status(err); {
	case s == http.StatusTooManyRequests || s >= 500:
		return true
	case s >= 400:
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	// Unreadable bodies, resets and the like: worth another try.
	return true
}

// describe says what went wrong in a line, without the request details.
func describe(err error) string {
	if s := status(err); s != 0 {
		msg := err.Error()
		if len(msg) > 200 {
			msg = msg[:200] + "..."
		}
		return fmt.Sprintf("HTTP %d: %s", s, msg)
	}
	return err.Error()
}
