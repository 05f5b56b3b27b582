package io.wrench.api.web;

import io.wrench.api.config.WrenchProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Rate limiting ({@link RateLimitFilter}): the API part runs in the security chain (see
 * SecurityConfig), the token endpoint's part before Spring Security as a servlet filter.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    RateLimitFilter rateLimitFilter(WrenchProperties properties, ObjectProvider<DataSource> dataSource) {
        WrenchProperties.RateLimit rateLimit = properties.getRateLimit();
        if (!rateLimit.isEnabled()) {
            return new RateLimitFilter(null);
        }
        return new RateLimitFilter(rateLimit.getStore() == WrenchProperties.RateLimit.Store.DATABASE
                ? RateLimiter.inDatabase(rateLimit, dataSource.getObject())
                : RateLimiter.inMemory(rateLimit));
    }

    /** Before Spring Security, so that requests with a wrong client secret count too. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> tokenEndpointRateLimit(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/oauth2/token");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
