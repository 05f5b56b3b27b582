package io.wrench.api.config;

import io.wrench.api.support.HttpTestSupport;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events, messages and everything else Axon stores (tokens, sagas, deadlines) are JSON; never XStream. */
class SerializersTest extends HttpTestSupport {

    @Autowired
    Configuration axon;

    @Test
    void every_axon_serializer_is_jackson() {
        assertThat(axon.eventSerializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.messageSerializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.serializer()).isInstanceOf(JacksonSerializer.class);
    }

    @Test
    void xstream_is_not_even_on_the_class_path() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
