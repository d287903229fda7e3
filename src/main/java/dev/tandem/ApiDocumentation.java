package dev.tandem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document at {@code /v3/api-docs}: what the API is and how callers authenticate. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI tandemOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Tandem API")
                .description("Customer side under /api/widget (authorised by the conversation token returned when a "
                        + "conversation starts, header X-Conversation-Token); agent and admin side under /api "
                        + "(HTTP Basic or a personal API token as Bearer). Every error is application/problem+json.")
                .version("v1")
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
            .components(new Components()
                .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes("apiToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("Personal API token tdm_..., created under My API tokens"))
                .addSecuritySchemes("conversationToken", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("X-Conversation-Token")))
            .addSecurityItem(new SecurityRequirement().addList("basic"))
            .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
