package io.cvmkeys.engine.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * An azure-core {@link HttpClient} that replies from a script instead of the network. Each request takes the next
 * response queued for its method and path, so SDK behaviour (polling, retries, error bodies) can be tested offline.
 */
final class ScriptedHttpClient implements HttpClient {

    static final String ENDPOINT = "https://127.0.0.1:9/";

    private final Map<String, Deque<Reply>> replies = new java.util.HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<Long> requestTimes = new ArrayList<>();

    record Reply(int status, Map<String, String> headers, String body) {
    }

    /** Queues a reply for {@code method} on a path; the query string is ignored when matching. */
    ScriptedHttpClient on(String method, String path, int status, Map<String, String> headers, String body) {
        replies.computeIfAbsent(method + " " + path.toLowerCase(java.util.Locale.ROOT), key -> new ArrayDeque<>())
                .add(new Reply(status, headers, body));
        return this;
    }

    List<String> requests() {
        return requests;
    }

    List<Long> requestTimes() {
        return requestTimes;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        String path = request.getUrl().getPath();
        String key = request.getHttpMethod() + " " + path.toLowerCase(java.util.Locale.ROOT);
        requests.add(request.getHttpMethod() + " " + path);
        requestTimes.add(System.nanoTime());
        Deque<Reply> queue = replies.get(key);
        if (queue == null || queue.isEmpty()) {
            return Mono.just(new Response(request, new Reply(404, Map.of(),
                    "{\"error\":{\"code\":\"NotScripted\",\"message\":\"no reply scripted for " + key + "\"}}")));
        }
        Reply reply = queue.size() > 1 ? queue.poll() : queue.peek();
        return Mono.just(new Response(request, reply));
    }

    static TokenCredential staticToken() {
        return context -> Mono.just(new AccessToken("test-token", OffsetDateTime.now().plusHours(1)));
    }

    private static final class Response extends HttpResponse {
        private final Reply reply;
        private final HttpHeaders headers = new HttpHeaders();

        Response(HttpRequest request, Reply reply) {
            super(request);
            this.reply = reply;
            headers.set(HttpHeaderName.CONTENT_TYPE, "application/json");
            reply.headers().forEach((name, value) -> headers.set(HttpHeaderName.fromString(name), value));
        }

        @Override
        public int getStatusCode() {
            return reply.status();
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(bytes()));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(bytes());
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(reply.body() == null ? "" : reply.body());
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return getBodyAsString();
        }

        private byte[] bytes() {
            return (reply.body() == null ? "" : reply.body()).getBytes(StandardCharsets.UTF_8);
        }
    }
}
