package org.bulwark.node.m365.graphlocal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds RFC 5322 messages for the local tenant: plain text, optionally with one base64 attachment. */
public final class Mime {

    private Mime() {
    }

    public static byte[] message(String from, String to, String subject, String text, String attachmentName, byte[] attachment) {
        String boundary = "=_b" + Integer.toHexString((subject + from).hashCode());
        StringBuilder sb = new StringBuilder();
        sb.append("From: ").append(from).append("\r\n");
        sb.append("To: ").append(to).append("\r\n");
        sb.append("Subject: ").append(subject).append("\r\n");
        sb.append("Date: Sat, 28 Nov 2026 07:00:00 +0000\r\n");
        sb.append("Message-ID: <").append(Integer.toHexString(subject.hashCode())).append('.').append(from).append(">\r\n");
        sb.append("MIME-Version: 1.0\r\n");
        if (attachment == null) {
            sb.append("Content-Type: text/plain; charset=utf-8\r\n\r\n").append(text).append("\r\n");
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        sb.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        sb.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").append(text).append("\r\n");
        sb.append("--").append(boundary).append("\r\nContent-Type: application/octet-stream; name=\"").append(attachmentName)
                .append("\"\r\nContent-Disposition: attachment; filename=\"").append(attachmentName)
                .append("\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        sb.append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(attachment)).append("\r\n");
        sb.append("--").append(boundary).append("--\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
