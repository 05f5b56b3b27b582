package io.wrench.api.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WebConfig implements WebMvcConfigurer {

    private final ConsistencyInterceptor consistencyInterceptor;

    WebConfig(ConsistencyInterceptor consistencyInterceptor) {
        this.consistencyInterceptor = consistencyInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(consistencyInterceptor).addPathPatterns("/api/**");
    }
}
