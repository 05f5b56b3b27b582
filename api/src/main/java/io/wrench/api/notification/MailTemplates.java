package io.wrench.api.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Mustache template per message and language ({@code work-order-approved.de.mustache}): the first line is
 * {@code Subject: ...}, a blank line, then the plain-text body. Mustache (JMustache) because it has no logic
 * and no expression language, so a template a shop edits cannot run code or reach into the application, and
 * a customer's name is only ever text; Spring's MessageSource would do for one-line messages, not for bodies a
 * shop wants to lay out. Amounts and dates are formatted for the language before the template sees them.
 */
class MailTemplates {

    static final String DEFAULT_LANGUAGE = "en";
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).defaultValue("");

    private final ResourceLoader resources;
    private final String location;
    private final Map<String, Optional<Template>> cache = new ConcurrentHashMap<>();

    MailTemplates(ResourceLoader resources, String location) {
        this.resources = resources;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    record Rendered(String subject, String body, String language) {
    }

    /** The message in {@code language}, or in English when there is no template in that language. */
    Rendered render(NotificationKind kind, String language, Map<String, String> facts, String shopName) {
        String lang = language == null ? DEFAULT_LANGUAGE : language;
        Optional<Template> template = template(kind, lang);
        if (template.isEmpty()) {
            lang = DEFAULT_LANGUAGE;
            template = template(kind, lang);
        }
        Template found = template.orElseThrow(() -> new IllegalStateException("no template " + kind.template()
                + "." + DEFAULT_LANGUAGE + ".mustache under " + location));
        String text = found.execute(model(facts, shopName, Locale.forLanguageTag(lang))).replace("\r\n", "\n");
        if (!text.startsWith("Subject:")) {
            throw new IllegalStateException("template " + kind.template() + "." + lang + " must start with 'Subject:'");
        }
        int end = text.indexOf('\n');
        String subject = (end < 0 ? text.substring(8) : text.substring(8, end)).strip();
        String body = end < 0 ? "" : text.substring(end + 1).stripLeading();
        return new Rendered(subject, body, lang);
    }

    private Optional<Template> template(NotificationKind kind, String language) {
        return cache.computeIfAbsent(kind.template() + "." + language, name -> {
            Resource resource = resources.getResource(location + name + ".mustache");
            if (!resource.exists()) {
                return Optional.empty();
            }
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                return Optional.of(COMPILER.compile(reader));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mail template " + resource, e);
            }
        });
    }

    private static Map<String, Object> model(Map<String, String> facts, String shopName, Locale locale) {
        Map<String, Object> model = new HashMap<>(facts);
        model.put("shopName", shopName);
        NumberFormat money = NumberFormat.getNumberInstance(locale);
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        for (String amount : new String[] {"approvedTotal", "total"}) {
            if (facts.get(amount) != null) {
                model.put(amount, money.format(new BigDecimal(facts.get(amount))));
            }
        }
        if (facts.get("dueDate") != null) {
            model.put("dueDate", LocalDate.parse(facts.get("dueDate"))
                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
        }
        return model;
    }
}
