package dev.tandem.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingConfiguration {

    @Bean
    RoutingRules routingRules(RoutingProperties properties) {
        return new RoutingRules(properties.rules());
    }

    @Bean
    OpeningHours openingHours(RoutingProperties properties) {
        return new OpeningHours(properties.businessHours());
    }
}
