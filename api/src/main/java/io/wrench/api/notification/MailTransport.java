package io.wrench.api.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** Where a composed message goes: an SMTP server (Spring Mail), or a folder of .eml files. */
interface MailTransport {

    Session session();

    void send(MimeMessage message, String outboxId) throws MessagingException;

    /** SMTP through Spring's {@link JavaMailSender} ({@code spring.mail.*}). */
    static MailTransport smtp(JavaMailSender sender) {
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
        return new MailTransport() {
            @Override
            public Session session() {
                return session;
            }

            @Override
            public void send(MimeMessage message, String outboxId) {
                sender.send(message);
            }

            @Override
            public String toString() {
                return sender instanceof JavaMailSenderImpl impl ? "SMTP " + impl.getHost() + ":" + impl.getPort() : "SMTP";
            }
        };
    }

    /**
     * The embedded default: each message as {@code <outbox id>.eml} in a folder (written whole, then moved
     * into place), so a resend after a crash replaces the file rather than adding a second one.
     */
    static MailTransport mailbox(Path directory) {
        Session session = Session.getInstance(new Properties());
        return new MailTransport() {
            @Override
            public Session session() {
                return session;
            }

            @Override
            public void send(MimeMessage message, String outboxId) throws MessagingException {
                try {
                    Files.createDirectories(directory);
                    Path temporary = Files.createTempFile(directory, outboxId, ".part");
                    try (OutputStream out = Files.newOutputStream(temporary)) {
                        message.writeTo(out);
                    }
                    Files.move(temporary, directory.resolve(outboxId + ".eml"), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write to the mailbox folder " + directory, e);
                }
            }

            @Override
            public String toString() {
                return "mailbox folder " + directory.toAbsolutePath();
            }
        };
    }
}
