package io.cvmkeys.engine.doctor;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Edits the JSON body of GET responses for chosen resources, for states the emulator rejects on PUT, such as a Disk
 * Encryption Set with a versionless key URL or a disabled older key version.
 */
final class RewritingHttpClient implements HttpClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient delegate;
    private final Map<String, Consumer<ObjectNode>> edits = new LinkedHashMap<>();

    RewritingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** Applies {@code edit} to the body of every GET whose path ends with {@code resourceId}, compared ignoring case. */
    void rewrite(String resourceId, Consumer<ObjectNode> edit) {
        edits.put(resourceId.toLowerCase(Locale.ROOT), edit);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return send(request, Context.NONE);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        String path = request.getUrl().getPath().toLowerCase(Locale.ROOT);
        Consumer<ObjectNode> edit = request.getHttpMethod() == HttpMethod.GET ? edits.get(path) : null;
        if (edit == null) {
            return delegate.send(request, context);
        }
        return delegate.send(request, context).flatMap(response -> response.getBodyAsString().map(body -> {
            try {
                ObjectNode json = (ObjectNode) MAPPER.readTree(body);
                edit.accept(json);
                return new EditedResponse(request, response, json.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** A response with the original status and headers and an edited body. */
    private static final class EditedResponse extends HttpResponse {
        private final HttpResponse original;
        private final byte[] body;

        EditedResponse(HttpRequest request, HttpResponse original, String body) {
            super(request);
            this.original = original;
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int getStatusCode() {
            return original.getStatusCode();
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return original.getHeaderValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return original.getHeaders();
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(body));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }
    }
}
