package de.amtsraum.edge.internal;

import de.amtsraum.tenancy.TenantDirectory;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The request-log filter, its buffer and writer. The filter sits right after Spring's
 * {@code ForwardedHeaderFilter} (highest precedence, present only with
 * {@code server.forward-headers-strategy=framework}) and before Spring Security (-100).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EdgeConfiguration {

    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    RequestLogBuffer requestLogBuffer(RequestLogProperties properties) {
        return new RequestLogBuffer(properties.bufferSize());
    }

    @Bean
    RequestLogWriter requestLogWriter(RequestLogBuffer buffer, ListableBeanFactory beans, TenantDirectory tenants,
                                      DSLContext db, Clock clock, RequestLogProperties properties) {
        return new RequestLogWriter(buffer, new RouteTemplates(beans), tenants, db, clock, properties);
    }

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter(RequestLogBuffer buffer, Clock clock,
                                                              RequestLogProperties properties) {
        FilterRegistrationBean<RequestLogFilter> registration =
                new FilterRegistrationBean<>(new RequestLogFilter(buffer, clock));
        registration.setOrder(FILTER_ORDER);
        registration.setEnabled(properties.enabled());
        registration.addUrlPatterns("/*");
        return registration;
    }
}
