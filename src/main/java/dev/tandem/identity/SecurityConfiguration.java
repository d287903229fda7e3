package dev.tandem.identity;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The filter chains exist only in a web application: the {@code import-knowledge} command starts
 * the application without a web server and needs the password encoder alone.
 *
 * <p>Three doors: the customer widget API (no account, its own conversation tokens, open to any
 * origin), the agent API (HTTP Basic or API token, stateless) and the workspace UI (form login,
 * session in the database, CSRF).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC_PAGES = { "/login", "/demo", "/help", "/help/**", "/rate/**", "/widget/**", "/css/**", "/js/**", "/img/**",
            "/webjars/**", "/favicon.ico", "/error", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html" };

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Everyone on the team reads the knowledge base; curators and admins change it and see how well the AI answers from it. */
    private static final String[] KNOWLEDGE_READERS = { "AGENT", "SUPERVISOR", "CURATOR", "ADMIN" };
    private static final String[] KNOWLEDGE_WRITERS = { "CURATOR", "ADMIN" };

    /**
     * Spring Security would open an observation around every filter of every request: 6-8% of a customer
     * message's CPU in a profile under load (docs/benchmarks.md), for traces nobody collects. Requests stay
     * timed by the HTTP server observation; sign-ins and failures are audited through their events.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Requests the firewall refuses answer problem+json too (found by the red-team suite). */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return ProblemResponses.rejected();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService users, PasswordEncoder passwords,
            SignInThrottle throttle, AuthenticationEventPublisher events) {
        var manager = new ProviderManager(new ThrottledAuthenticationProvider(users, passwords, throttle));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain widgetApiSecurity(HttpSecurity http) throws Exception {
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(List.of("*"));
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Content-Type", "X-Conversation-Token", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("Retry-After"));
        cors.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return http.securityMatcher("/api/widget/**")
            .cors(c -> c.configurationSource(source))
            .csrf(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(c -> c.disable())
            .securityContext(c -> c.disable())
            .anonymous(a -> {})
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain agentApiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens,
            AccountDetailsService users) throws Exception {
        var unauthorized = ProblemResponses.unauthorized("Basic realm=\"Tandem\"");
        return http.securityMatcher("/api/**")
            .authenticationManager(authenticationManager)
            .csrf(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(c -> c.disable())
            .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
            .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users), BasicAuthenticationFilter.class)
            .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(ProblemResponses.forbidden()))
            .authorizeHttpRequests(a -> a
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .requestMatchers("/api/conversations/**", "/api/customers/**").hasAnyRole("AGENT", "SUPERVISOR", "ADMIN")
                .requestMatchers("/api/knowledge/answer-quality/**").hasAnyRole(KNOWLEDGE_WRITERS)
                .requestMatchers(HttpMethod.GET, "/api/knowledge/**").hasAnyRole(KNOWLEDGE_READERS)
                .requestMatchers("/api/knowledge/**").hasAnyRole(KNOWLEDGE_WRITERS)
                .anyRequest().authenticated())
            .build();
    }

    @Bean
    @Order(3)
    @ConditionalOnWebApplication
    SecurityFilterChain workspaceSecurity(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http
            .authenticationManager(authenticationManager)
            .headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny()))
            .authorizeHttpRequests(a -> a
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers(PUBLIC_PAGES).permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/info").permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .requestMatchers("/knowledge/answer-quality/**").hasAnyRole(KNOWLEDGE_WRITERS)
                .requestMatchers(HttpMethod.GET, "/knowledge/**").hasAnyRole(KNOWLEDGE_READERS)
                .requestMatchers("/knowledge/**").hasAnyRole(KNOWLEDGE_WRITERS)
                .anyRequest().authenticated())
            .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .build();
    }
}
