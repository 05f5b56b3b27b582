package io.wrench.api.web;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Every log line written while a request is handled carries its request id (the log pattern prints the MDC key). */
class RequestIdFilterTest {

    @Test
    void the_request_id_is_in_the_mdc_while_the_request_runs_and_gone_after() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/customers");
        request.addHeader(RequestIdFilter.HEADER, "trace-42");
        AtomicReference<String> seen = new AtomicReference<>();

        new RequestIdFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(MDC.get(RequestIdFilter.MDC_KEY)));

        assertThat(seen.get()).isEqualTo("trace-42");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
    }
}
