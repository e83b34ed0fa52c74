package de.amtsraum.identity;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Declares the bearer scheme that protected operations reference in the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Amtsraum API", version = "v1",
        description = "Multi-tenant platform for German public authorities"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiSecurity {
}
