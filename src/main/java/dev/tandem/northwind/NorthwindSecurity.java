package dev.tandem.northwind;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The back end is a machine-to-machine API with its own key ({@link NorthwindApi} checks it), not a
 * page of the workspace: no session, no CSRF token, no sign-in.
 */
@Configuration(proxyBeanMethods = false)
class NorthwindSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnWebApplication
    SecurityFilterChain northwindApiSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/northwind/api/**")
            .csrf(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(c -> c.disable())
            .securityContext(c -> c.disable())
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .build();
    }
}
