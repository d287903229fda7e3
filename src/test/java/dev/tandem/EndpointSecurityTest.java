package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/**
 * Walks every endpoint the application maps (controllers, pages, the API) and calls it as a stranger: only the
 * customer widget, the help centre, the sign-in page, the API documentation and the error page answer; everything
 * else refuses (401 on the API, a redirect to the sign-in page or 403 on pages). Then an agent of another team tries
 * every call on one conversation and never gets it.
 */
@TandemTest
class EndpointSecurityTest {

    /** What a stranger may call: each entry a mapped path pattern. A new one fails this test until it is listed. */
    private static final Set<String> PUBLIC = Set.of("/login", "/demo", "/help", "/help/{slug}", "/rate/{token}", "/error",
            "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/{group}", "/v3/api-docs/swagger-config",
            "/swagger-ui.html");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    StartConversation start;

    record Endpoint(String method, String pattern) {

        String path(String id) {
            return pattern.replaceAll("\\{[^}]+}", id);
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    all.add(new Endpoint("GET", pattern));
                }
                methods.forEach(m -> all.add(new Endpoint(m.name(), pattern)));
            }
        });
        return all;
    }

    private HttpResponse<String> call(String method, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        boolean withBody = !method.equals("GET") && !method.equals("DELETE") && !method.equals("HEAD")
                && !method.equals("OPTIONS");
        request.header("Content-Type", "application/json");
        request.method(method, withBody ? HttpRequest.BodyPublishers.ofString("{\"text\": \"hi\", \"email\": \"someone@example.com\"}")
                : HttpRequest.BodyPublishers.noBody());
        if (path.endsWith("/events")) {
            request.header("Accept", "text/event-stream");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void strangersAreRefusedEverywhereButThePublicDoors() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(100);
        Set<String> answeredStrangers = new TreeSet<>();
        List<String> leaks = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.pattern().startsWith("/api/widget/") || endpoint.pattern().startsWith("/northwind/api/")) {
                continue; // the customer's door (conversation tokens) and the demo back end (its API key): below
            }
            var response = call(endpoint.method(), endpoint.path(UUID.randomUUID().toString()));
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse("");
            boolean refused = status == 401 || status == 403 || (status == 302 && location.endsWith("/login"));
            if (!refused) {
                answeredStrangers.add(endpoint.pattern());
                if (!PUBLIC.contains(endpoint.pattern())) {
                    leaks.add(endpoint.method() + " " + endpoint.pattern() + " -> " + status);
                }
            }
            if (endpoint.pattern().startsWith("/api/")) {
                assertThat(status).as(endpoint + " refuses strangers with 401").isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(endpoint + " answers problem+json").startsWith("application/problem+json");
            }
        }
        assertThat(leaks).as("endpoints that answer strangers but are not public").isEmpty();
        assertThat(answeredStrangers).isSubsetOf(PUBLIC);
    }

    @Test
    void theCustomersDoorNeedsTheConversationsToken() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.pattern().startsWith("/api/widget/conversations/{id}")) {
                continue;
            }
            var response = call(endpoint.method(), endpoint.path(UUID.randomUUID().toString()),
                    "X-Conversation-Token", "not-a-token-of-this-conversation-at-all-0123456789");
            assertThat(response.statusCode()).as(endpoint.toString()).isIn(401, 403, 404);
        }
    }

    @Test
    void anAgentOfAnotherTeamNeverReachesAConversation() throws Exception {
        var accounts = new TestAccounts(userAccounts, teams);
        var ours = accounts.team("ours");
        var theirs = accounts.team("theirs");
        var outsider = accounts.agent(theirs);
        var started = start.start(new StartConversation.Command(new StartConversation.CustomerDetails("Secret",
                "secret@example.com", null), "My card 4111 1111 1111 1111", null, "widget", ours.id(),
                ConversationStatus.QUEUED)).conversation();
        UUID conversation = started.id();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (outsider.username() + ":" + TestAccounts.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var page = FormSession.signIn(port, outsider.username(), TestAccounts.PASSWORD);
        page.get("/");
        List<String> reached = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.pattern().contains("/conversations/{id}") || endpoint.pattern().startsWith("/api/widget/")) {
                continue;
            }
            String path = endpoint.path(conversation.toString());
            int status;
            String body;
            if (endpoint.pattern().startsWith("/api/")) {
                var response = call(endpoint.method(), path, "Authorization", basic);
                status = response.statusCode();
                body = response.body();
            } else if (endpoint.method().equals("GET")) {
                var response = page.get(path);
                status = response.statusCode();
                body = response.body();
            } else {
                var response = page.submit(path, Map.of("text", "hi", "internal", "false"));
                status = response.statusCode();
                body = response.body();
            }
            if (status < 400 || body.contains("4111")) {
                reached.add(endpoint.method() + " " + endpoint.pattern() + " -> " + status);
            }
        }
        var profile = call("GET", "/api/customers/" + started.customer().id(), "Authorization", basic);
        if (profile.statusCode() != 404) {
            reached.add("GET /api/customers/{id} -> " + profile.statusCode());
        }
        assertThat(reached).as("calls an agent of another team got through").isEmpty();
    }
}
