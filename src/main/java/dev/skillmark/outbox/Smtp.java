package dev.skillmark.outbox;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Properties;

/** Sends an outbox e-mail through the configured SMTP server: a plain-text and an HTML part. */
final class Smtp implements Delivery.Channel {

    private static final String TIMEOUT_MILLIS = "30000";
    private final Outbound.Smtp server;
    private final InternetAddress from;
    private final Session session;
    private final String protocol;

    Smtp(Outbound.Smtp server, String from) {
        this.server = server;
        try {
            this.from = new InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("SKILLMARK_MAIL_FROM is not an e-mail address: '" + from + "'", e);
        }
        this.protocol = server.tls() == Outbound.Tls.SMTPS ? "smtps" : "smtp";
        var p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "host", server.host());
        p.setProperty(prefix + "port", String.valueOf(server.port()));
        p.setProperty(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty(prefix + "timeout", TIMEOUT_MILLIS);
        p.setProperty(prefix + "writetimeout", TIMEOUT_MILLIS);
        p.setProperty(prefix + "auth", String.valueOf(server.user().isPresent()));
        if (server.tls() == Outbound.Tls.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (server.tls() != Outbound.Tls.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public void deliver(Delivery mail) throws Exception {
        var message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject().replaceAll("[\\r\\n]+", " "), "UTF-8");
        message.setSentDate(new Date());
        var text = new MimeBodyPart();
        text.setText(mail.textBody(), "UTF-8");
        var html = new MimeBodyPart();
        html.setText(mail.htmlBody(), "UTF-8", "html");
        var parts = new MimeMultipart("alternative", text, html);
        message.setContent(parts);
        message.saveChanges();
        try (var transport = session.getTransport(protocol)) {
            transport.connect(server.host(), server.port(), server.user().orElse(null), server.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
