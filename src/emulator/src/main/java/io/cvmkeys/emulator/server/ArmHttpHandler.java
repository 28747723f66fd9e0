package io.cvmkeys.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.cvmkeys.emulator.Fault;
import io.cvmkeys.emulator.IdCasing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline: authentication, throttling, fault injection, then the routed handler under one lock, so
 * handlers see a consistent state and the clock-driven operations settle before and after each request.
 */
public final class ArmHttpHandler implements HttpHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(ArmHttpHandler.class);

    private final EmulatorContext context;
    private final ArmRouter router;
    private final Throttler throttler;
    private final FaultRegistry faults;

    public ArmHttpHandler(EmulatorContext context, FaultRegistry faults) {
        this.context = context;
        this.router = new ArmRouter(context);
        this.throttler = new Throttler(context.options().throttling(), context.clock());
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        ArmRequest request = null;
        ArmResponse response;
        try (InputStream input = exchange.getRequestBody()) {
            request = new ArmRequest(exchange.getRequestMethod(), rawPath(exchange.getRequestURI()),
                exchange.getRequestURI().getRawQuery(), input.readAllBytes());
            response = process(exchange, request);
        } catch (ArmException e) {
            LOGGER.info("{} {} failed with {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                e.status(), e.code(), e.getMessage());
            response = new ArmResponse(e.status(), e.toEnvelope()).headers(e.headers());
        } catch (RuntimeException e) {
            LOGGER.error("{} {} failed with an emulator error", exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), e);
            response = new ArmResponse(500, new ArmException(500, "InternalServerError",
                "The emulator failed to process the request: " + e).toEnvelope());
        }
        LOGGER.debug("{} {} -> {} ({})", exchange.getRequestMethod(), exchange.getRequestURI(), response.status(),
            request == null ? "?" : request.operationName());
        write(exchange, request, response, requestId);
    }

    /**
     * Returns the raw path. A request line such as {@code //subscriptions/...} (an endpoint with a trailing slash
     * joined to an id with a leading one) parses as an authority, so that part is put back. ARM accepts such paths.
     */
    private static String rawPath(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.getScheme() == null && uri.getRawAuthority() != null) {
            path = "/" + uri.getRawAuthority() + path;
        }
        return path;
    }

    private ArmResponse process(HttpExchange exchange, ArmRequest request) {
        authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        Route route = router.resolve(request);
        request.operationName(route.operationName());
        Map.Entry<String, String> remaining = throttler.admit(route.subscriptionId(), request.isRead());
        applyFault(request);

        ArmResponse response;
        synchronized (context.lock()) {
            // Reads change state too when they settle finished operations, so those are saved as well.
            int finished = context.operations().settle();
            try {
                response = route.handler().get();
                finished += context.operations().settle();
            } finally {
                if (!request.isRead() || finished > 0) {
                    context.store().save();
                }
            }
        }
        if (remaining != null) {
            response.header(remaining.getKey(), remaining.getValue());
        }
        return response;
    }

    private static void authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            || authorization.substring(7).isBlank()) {
            throw new ArmException(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header "
                + "is missing or is not 'Bearer <token>'; the emulator accepts any non-empty bearer token.");
        }
    }

    private void applyFault(ArmRequest request) {
        Fault fault = faults.match(request);
        if (fault == null) {
            return;
        }
        switch (fault.kind()) {
            case FAIL, FAIL_ONCE -> throw new ArmException(fault.status(), fault.code(), fault.message());
            case DELAY -> sleep(fault);
            case FAIL_OPERATION -> request.injectedOperationFailure(fault);
            default -> throw new IllegalStateException("Unknown fault kind " + fault.kind());
        }
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(HttpExchange exchange, ArmRequest request, ArmResponse response, String requestId)
        throws IOException {
        IdCasing casing = context.options().idCasing();
        String correlationId = exchange.getRequestHeaders().getFirst("x-ms-correlation-request-id");
        exchange.getResponseHeaders().set("x-ms-request-id", requestId);
        exchange.getResponseHeaders().set("x-ms-correlation-request-id", correlationId != null ? correlationId : requestId);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));

        JsonNode body = response.body();
        boolean head = request != null && request.method().equals("HEAD");
        if (body == null || head || response.status() == 204) {
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(Json.mapIds(body.deepCopy(), casing::apply));
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }
}
